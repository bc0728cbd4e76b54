package dev.agoratoken.token;

/** A value handed to a builder or verifier is outside what Agora accepts. */
public final class InvalidTokenParameterException extends TokenException {
    private final String parameter;

    public InvalidTokenParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    /** The name of the offending parameter, e.g. {@code channelName}. */
    public String parameter() {
        return parameter;
    }
}
