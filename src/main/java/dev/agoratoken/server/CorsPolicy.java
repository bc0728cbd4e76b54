package dev.agoratoken.server;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Which browser origins may call the API: every one ({@code *}) or a fixed list. */
public final class CorsPolicy {
    private final Set<String> origins; // empty means every origin

    private CorsPolicy(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    public static CorsPolicy allowAll() {
        return new CorsPolicy(Set.of());
    }

    /**
     * Parses {@code *} or a comma-separated list such as {@code https://app.example.com,http://localhost:3000}.
     * A trailing slash is dropped, since browsers never send one in the Origin header.
     */
    public static CorsPolicy parse(String value) throws ConfigException {
        String trimmed = value.trim();
        if (trimmed.equals("*")) {
            return allowAll();
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String part : trimmed.split(",")) {
            String origin = part.trim();
            while (origin.endsWith("/")) {
                origin = origin.substring(0, origin.length() - 1);
            }
            if (origin.isEmpty()) {
                continue;
            }
            String lower = origin.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("http://") || lower.startsWith("https://")) || origin.equals("*")) {
                throw new ConfigException("CORS_ALLOW_ORIGIN must be * or a comma-separated list of origins such as "
                        + "https://app.example.com; \"" + origin + "\" is not an http(s) origin");
            }
            origins.add(lower);
        }
        if (origins.isEmpty()) {
            throw new ConfigException("CORS_ALLOW_ORIGIN is set but lists no origin; use * or e.g. https://app.example.com");
        }
        return new CorsPolicy(origins);
    }

    public boolean allowsEveryOrigin() {
        return origins.isEmpty();
    }

    public boolean allows(String origin) {
        return origins.isEmpty() || origins.contains(origin.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return origins.isEmpty() ? "*" : String.join(",", origins);
    }
}
