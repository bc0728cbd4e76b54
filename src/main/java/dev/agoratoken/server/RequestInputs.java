package dev.agoratoken.server;

import dev.agoratoken.token.RtcRole;
import dev.agoratoken.token.TokenInputs;
import java.util.Locale;

/**
 * Turns the text of a request into typed values, or a 400 that says what is accepted. Numbers
 * are parsed by hand (digits only, bounded length) so that "1.5", "-1", "+5", " 5" and
 * 4294967296 are refused rather than rounded, wrapped or trimmed.
 */
final class RequestInputs {
    private static final int ECHO_LIMIT = 64;

    private RequestInputs() {}

    /** publisher/host/broadcaster/1 or subscriber/audience/2, in any case. */
    static RtcRole role(String text) {
        if (text != null) {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "publisher", "host", "broadcaster", "1":
                    return RtcRole.PUBLISHER;
                case "subscriber", "audience", "2":
                    return RtcRole.SUBSCRIBER;
                default:
                    break;
            }
        }
        throw ApiException.badRequest("role must be one of publisher, host, broadcaster or 1 (may publish), "
                + "or subscriber, audience or 2 (join only); got " + quote(text));
    }

    /** A lifetime in whole seconds, 1..86400; {@code defaultSeconds} when the value is absent. */
    static int expiry(String name, String text, int defaultSeconds) {
        if (text == null) {
            return defaultSeconds;
        }
        return seconds(name, text, TokenInputs.MAX_EXPIRE_SECONDS);
    }

    /** A lifetime in whole seconds from 1 to {@code max}. */
    static int seconds(String name, String text, int max) {
        long value = digits(text, 6);
        if (value < 1 || value > max) {
            throw ApiException.badRequest(name + " must be a whole number of seconds from 1 to " + max
                    + "; got " + quote(text));
        }
        return (int) value;
    }

    /** A numeric Agora uid, 0..4294967295. */
    static long uid(String name, String text) {
        long value = digits(text, 10);
        if (value < 0 || value > TokenInputs.MAX_UID) {
            throw ApiException.badRequest(name + " must be a whole number from 0 to " + TokenInputs.MAX_UID
                    + " (0 means any user); use tokenType userAccount for a string account; got " + quote(text));
        }
        return value;
    }

    static boolean isDigits(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of a string of at most {@code maxDigits} ASCII digits, or -1 for anything else. */
    private static long digits(String text, int maxDigits) {
        if (!isDigits(text)) {
            return -1;
        }
        int start = 0;
        while (start < text.length() - 1 && text.charAt(start) == '0') {
            start++; // leading zeros do not count towards the length limit
        }
        if (text.length() - start > maxDigits) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(text, start, text.length(), 10);
    }

    /** Quotes client input for an error message, shortened so a huge value is not echoed back whole. */
    static String quote(String text) {
        if (text == null) {
            return "nothing";
        }
        String shown = text.length() > ECHO_LIMIT ? text.substring(0, ECHO_LIMIT) + "..." : text;
        return "\"" + shown + "\"";
    }
}
