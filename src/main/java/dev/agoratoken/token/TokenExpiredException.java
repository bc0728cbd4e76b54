package dev.agoratoken.token;

/** The signature is genuine but the token's lifetime is over. */
public final class TokenExpiredException extends TokenVerificationException {
    private final long expiredAt;

    public TokenExpiredException(long expiredAt) {
        super("token expired at Unix time " + expiredAt);
        this.expiredAt = expiredAt;
    }

    /** Unix seconds at which the token stopped being valid. */
    public long expiredAt() {
        return expiredAt;
    }
}
