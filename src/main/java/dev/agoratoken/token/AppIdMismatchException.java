package dev.agoratoken.token;

/** The token was issued for another App ID than the verifier's. */
public final class AppIdMismatchException extends TokenVerificationException {
    private final String tokenAppId;

    public AppIdMismatchException(String tokenAppId) {
        super("token was issued for App ID " + tokenAppId + ", not this verifier's");
        this.tokenAppId = tokenAppId;
    }

    public String tokenAppId() {
        return tokenAppId;
    }
}
