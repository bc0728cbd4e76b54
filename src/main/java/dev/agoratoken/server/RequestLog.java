package dev.agoratoken.server;

import io.javalin.http.Context;

/**
 * One line per request: method, path, status, milliseconds. Only the path is logged, never the
 * query or body, and never a response: tokens and credentials must stay out of logs.
 */
final class RequestLog {
    private static final int PATH_LIMIT = 200;

    private RequestLog() {}

    static void log(Context ctx, Float millis) {
        if (TokenServer.LOG.isInfoEnabled()) {
            // Rounded by arithmetic: String.format per request would cost more than minting a token.
            TokenServer.LOG.info("{} {} {} {}ms", ctx.method().name(), printable(ctx.path()), ctx.statusCode(),
                    Math.round(millis * 100) / 100.0);
        }
    }

    /** The path with control characters replaced and its length bounded, so a request cannot forge log lines. */
    static String printable(String path) {
        int length = Math.min(path.length(), PATH_LIMIT);
        StringBuilder out = new StringBuilder(length + 3);
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            out.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        if (path.length() > PATH_LIMIT) {
            out.append("...");
        }
        return out.toString();
    }
}
