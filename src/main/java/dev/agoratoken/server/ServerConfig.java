package dev.agoratoken.server;

import dev.agoratoken.token.InvalidTokenParameterException;
import dev.agoratoken.token.TokenInputs;
import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the server reads from its environment, read once at start-up. Immutable; its
 * {@link #toString()} never shows the certificate.
 *
 * @param corsFromDefault true when CORS_ALLOW_ORIGIN was unset and every origin is allowed by default
 */
public record ServerConfig(
        String appId,
        String appCertificate,
        int port,
        CorsPolicy cors,
        boolean corsFromDefault,
        int defaultExpirySeconds,
        boolean demo) {

    /** Obviously fake credentials for demo mode: well-formed, so tokens can be minted, but Agora rejects them. */
    static final String DEMO_APP_ID = "0123456789abcdef0123456789abcdef";
    static final String DEMO_APP_CERTIFICATE = "fedcba9876543210fedcba9876543210";
    static final int DEFAULT_PORT = 8080;

    /**
     * Reads the configuration from {@code environment}, with a {@code .env} file in
     * {@code workingDirectory} filling in what the environment does not set.
     */
    public static ServerConfig load(String[] args, Map<String, String> environment, Path workingDirectory)
            throws ConfigException {
        Map<String, String> env = new HashMap<>(readDotenv(workingDirectory));
        environment.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                env.put(key, value); // the real environment wins, but a blank value is unset and hides nothing
            }
        });
        return fromVariables(args, env);
    }

    static ServerConfig fromVariables(String[] args, Map<String, String> env) throws ConfigException {
        boolean demoRequested = Arrays.asList(args).contains("--demo") || "true".equalsIgnoreCase(trimmed(env, "DEMO"));
        String appId = trimmed(env, "APP_ID");
        String appCertificate = trimmed(env, "APP_CERTIFICATE");
        boolean demo = demoRequested && appId == null && appCertificate == null;
        if (demo) {
            appId = DEMO_APP_ID;
            appCertificate = DEMO_APP_CERTIFICATE;
        }
        if (appId == null) {
            throw new ConfigException("APP_ID is not set: set APP_ID and APP_CERTIFICATE from Agora Console "
                    + "(environment or .env file), or start with --demo to try the server with fake credentials");
        }
        if (appCertificate == null) {
            throw new ConfigException("APP_CERTIFICATE is not set: copy the primary certificate of your project "
                    + "from Agora Console into APP_CERTIFICATE (environment or .env file)");
        }
        try {
            TokenInputs.appId(appId);
        } catch (InvalidTokenParameterException e) {
            throw new ConfigException("APP_ID is invalid: " + e.reason());
        }
        try {
            TokenInputs.appCertificate(appCertificate);
        } catch (InvalidTokenParameterException e) {
            throw new ConfigException("APP_CERTIFICATE is invalid: " + e.reason());
        }

        String corsValue = trimmed(env, "CORS_ALLOW_ORIGIN");
        CorsPolicy cors = corsValue == null ? CorsPolicy.allowAll() : CorsPolicy.parse(corsValue);
        return new ServerConfig(appId, appCertificate, port(env), cors, corsValue == null,
                defaultExpiry(env), demo);
    }

    private static int port(Map<String, String> env) throws ConfigException {
        for (String name : new String[] {"SERVER_PORT", "PORT"}) {
            String value = trimmed(env, name);
            if (value != null) {
                return wholeNumber(name, value, 0, 65_535);
            }
        }
        return DEFAULT_PORT;
    }

    private static int defaultExpiry(Map<String, String> env) throws ConfigException {
        String value = trimmed(env, "TOKEN_DEFAULT_EXPIRY");
        return value == null ? TokenInputs.MAX_EXPIRE_SECONDS
                : wholeNumber("TOKEN_DEFAULT_EXPIRY", value, 1, TokenInputs.MAX_EXPIRE_SECONDS);
    }

    private static int wholeNumber(String name, String value, int min, int max) throws ConfigException {
        // Digits only: Integer.parseInt would also take "+8080" and non-ASCII digits.
        if (RequestInputs.isDigits(value) && value.length() <= 9) {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        }
        throw new ConfigException(name + " must be a whole number from " + min + " to " + max + "; got \"" + value + "\"");
    }

    private static Map<String, String> readDotenv(Path directory) throws ConfigException {
        Map<String, String> values = new HashMap<>();
        try {
            Dotenv dotenv = Dotenv.configure().directory(directory.toAbsolutePath().toString()).ignoreIfMissing().load();
            for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                values.put(entry.getKey(), entry.getValue());
            }
        } catch (DotenvException e) {
            // The library's message quotes the offending line, which may hold the certificate.
            throw new ConfigException(".env in " + directory.toAbsolutePath()
                    + " could not be read: check that each line is NAME=value and quotes are closed");
        }
        return values;
    }

    /** Empty values count as unset, so an .env template with blank entries behaves like no entry. */
    private static String trimmed(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim();
    }

    @Override
    public String toString() {
        return "ServerConfig{appId=" + appId + ", appCertificate=(hidden), port=" + port + ", cors=" + cors
                + ", defaultExpirySeconds=" + defaultExpirySeconds + ", demo=" + demo + "}";
    }
}
