package dev.agoratoken.token;

/**
 * A 007 token names a service type this library does not know. Its fields cannot be skipped
 * (the format carries no length per service), so the token cannot be read further.
 */
public final class UnknownServiceTypeException extends MalformedTokenException {
    private final int serviceType;

    public UnknownServiceTypeException(int serviceType) {
        super("unknown service type " + serviceType + " (known types are 1..7)");
        this.serviceType = serviceType;
    }

    public int serviceType() {
        return serviceType;
    }
}
