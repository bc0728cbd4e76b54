package dev.agoratoken.token;

/** The string is not a well-formed 006 or 007 token. */
public class MalformedTokenException extends TokenException {
    public MalformedTokenException(String message) {
        super(message);
    }

    public MalformedTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
