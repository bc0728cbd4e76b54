package dev.agoratoken.token;

/**
 * Root of every failure the token library reports. Checked on purpose: building, decoding and
 * verifying all take input from outside, and a caller should decide what each failure means.
 * Messages never contain an App Certificate.
 */
public abstract class TokenException extends Exception {
    protected TokenException(String message) {
        super(message);
    }

    protected TokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
