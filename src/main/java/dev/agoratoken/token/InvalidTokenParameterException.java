package dev.agoratoken.token;

/** A value handed to a builder or verifier is outside what Agora accepts. */
public final class InvalidTokenParameterException extends TokenException {
    private final String parameter;
    private final String reason;

    public InvalidTokenParameterException(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    /** The name of the offending parameter, e.g. {@code channelName}. */
    public String parameter() {
        return parameter;
    }

    /** What is wrong and what would be accepted, without the parameter prefix of {@link #getMessage()}. */
    public String reason() {
        return reason;
    }
}
