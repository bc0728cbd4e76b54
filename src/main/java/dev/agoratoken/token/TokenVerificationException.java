package dev.agoratoken.token;

/** A well-formed token that does not pass verification. */
public abstract class TokenVerificationException extends TokenException {
    protected TokenVerificationException(String message) {
        super(message);
    }
}
