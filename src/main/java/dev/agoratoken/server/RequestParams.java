package dev.agoratoken.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Named request values (query string, form body or JSON body) where a name may appear more than
 * once. Repeating a name with the same value is harmless; with different values it is refused,
 * because picking one silently (as most frameworks do) would mint a token the client did not ask for.
 */
final class RequestParams {
    private final Map<String, List<String>> values;

    RequestParams(Map<String, List<String>> values) {
        this.values = values;
    }

    static RequestParams empty() {
        return new RequestParams(Map.of());
    }

    /**
     * Parses {@code a=1&b=2} strictly: a malformed percent-escape is an error here, where Javalin's
     * own parser would silently drop the value.
     */
    static RequestParams parseQuery(String query) {
        Map<String, List<String>> values = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return new RequestParams(values);
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
        }
        return new RequestParams(values);
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text; // nothing to decode: the usual "expiry=300"
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the query string has a malformed percent-escape; encode '%' as %25");
        }
    }

    /** The value of {@code name}, or null when absent. */
    String single(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return null;
        }
        String first = list.get(0);
        for (String other : list) {
            if (!other.equals(first)) {
                throw ApiException.badRequest(
                        name + " is given " + list.size() + " times with different values; give it once");
            }
        }
        return first;
    }
}
