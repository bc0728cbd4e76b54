package dev.agoratoken.token;

import java.util.List;
import java.util.Optional;

/**
 * A decoded AccessToken2 ("007"). Immutable. It keeps the exact signed bytes it was read from,
 * so verifying a token minted elsewhere (with another zlib) checks what was really signed.
 */
public final class AccessToken2 implements DecodedToken {
    public static final String VERSION = "007";

    private final String appId;
    private final long issueTs;
    private final long expire;
    private final long salt;
    private final List<Service> services;
    private final byte[] signature;
    private final byte[] signingInfo;

    AccessToken2(String appId, long issueTs, long expire, long salt, List<Service> services,
                 byte[] signature, byte[] signingInfo) {
        this.appId = appId;
        this.issueTs = issueTs;
        this.expire = expire;
        this.salt = salt;
        this.services = List.copyOf(services);
        this.signature = signature;
        this.signingInfo = signingInfo;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String appId() {
        return appId;
    }

    /** Unix seconds at which the token was minted. */
    public long issueTs() {
        return issueTs;
    }

    /** Lifetime in seconds, counted from {@link #issueTs()}. */
    public long expire() {
        return expire;
    }

    @Override
    public long salt() {
        return salt;
    }

    @Override
    public long expiresAt() {
        return issueTs + expire;
    }

    /** The services in the order the token lists them (ascending type for every standard builder). */
    public List<Service> services() {
        return services;
    }

    /** The service of the given type, if the token has one. */
    public <S extends Service> Optional<S> service(Class<S> kind) {
        for (Service service : services) {
            if (kind.isInstance(service)) {
                return Optional.of(kind.cast(service));
            }
        }
        return Optional.empty();
    }

    public byte[] signature() {
        return signature.clone();
    }

    byte[] signingInfoBytes() {
        return signingInfo;
    }

    @Override
    public String toString() {
        return "AccessToken2{appId=" + appId + ", issueTs=" + issueTs + ", expire=" + expire
                + ", salt=" + salt + ", services=" + services + "}";
    }
}
