package dev.agoratoken.token;

/** The token's signature was not made with the given App Certificate (or its bytes were altered). */
public final class SignatureMismatchException extends TokenVerificationException {
    public SignatureMismatchException() {
        super("signature does not match: the token was altered or signed with another App Certificate");
    }
}
