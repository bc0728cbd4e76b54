package dev.agoratoken.server;

/** A request the server refuses, with the status and the message the client sees. */
final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false); // no stack trace: these are expected outcomes, not faults
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    int status() {
        return status;
    }
}
