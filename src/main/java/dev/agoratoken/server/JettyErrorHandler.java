package dev.agoratoken.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Renders the errors Jetty raises before a request reaches Javalin (a malformed URI, a URI or
 * headers too large) in the service's JSON error shape, for every method, with no stack trace.
 */
final class JettyErrorHandler extends ErrorHandler {
    private static final String JSON = "application/json";

    private final CorsPolicy cors;

    JettyErrorHandler(CorsPolicy cors) {
        this.cors = cors;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR_500;
        Object attribute = request.getAttribute(ERROR_STATUS);
        if (attribute instanceof Integer code && code >= 400) {
            status = code;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // These errors never reach the CORS filter; without the header a browser could not read them.
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && cors.allows(origin)) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        response.getHeaders().put(HttpHeader.VARY, "Origin");
        response.write(true, ByteBuffer.wrap(Json.errorBytes(status, describe(status))), callback);
        return true;
    }

    static String describe(int status) {
        switch (status) {
            case 400:
                return "the request is malformed (check the URL's percent-encoding and UTF-8)";
            case 413:
                return "the request body is larger than " + TokenServer.MAX_BODY_BYTES
                        + " bytes; token requests are small JSON or form bodies";
            case 414:
                return "the URL is too long; channel names are at most 64 bytes and accounts at most 255";
            case 431:
                return "the request headers are too large; send fewer or smaller headers";
            case 500:
                return "internal error; the request was not processed";
            default:
                String reason = HttpStatus.getMessage(status);
                return reason == null ? "request failed" : reason.toLowerCase(java.util.Locale.ROOT);
        }
    }
}
