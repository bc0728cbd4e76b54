package dev.agoratoken.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agoratoken.token.TokenInputs;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the body of POST /getToken as {@link RequestParams}. Flutter kits send a form, iOS kits
 * send JSON; both become the same name to value map. JSON whole numbers and strings are both taken
 * ("uid": 42 and "uid": "42" mean the same); fractions, booleans and nested values are refused.
 */
final class RequestBodies {
    private RequestBodies() {}

    static RequestParams read(Context ctx) {
        String contentType = mediaType(ctx.contentType());
        byte[] body = ctx.bodyAsBytes(); // throws 413 past the configured limit
        if (contentType.equals("application/x-www-form-urlencoded")) {
            return RequestParams.parseQuery(new String(body, StandardCharsets.UTF_8));
        }
        if (contentType.isEmpty() || contentType.equals("application/json") || contentType.endsWith("+json")) {
            return json(body);
        }
        throw new ApiException(415, "Content-Type must be application/json or application/x-www-form-urlencoded; got "
                + RequestInputs.quote(contentType));
    }

    private static RequestParams json(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("the request body is empty; send a JSON object such as "
                    + "{\"tokenType\": \"rtc\", \"channel\": \"test\", \"role\": \"publisher\", \"uid\": \"42\"}");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("the request body is not valid JSON (" + e.getOriginalMessage()
                    + "); send a JSON object or a form");
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("the request body could not be read; send a JSON object or a form");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("the request body must be a JSON object, e.g. {\"tokenType\": \"rtm\", \"uid\": \"alice\"}");
        }
        Map<String, List<String>> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isNumber() && !value.isIntegralNumber()) {
                throw ApiException.badRequest(field.getKey() + " must be a whole number"
                        + (isLifetime(field.getKey()) ? " of seconds from 1 to " + TokenInputs.MAX_EXPIRE_SECONDS : "")
                        + "; got " + value.asText());
            }
            if (!(value.isTextual() || value.isIntegralNumber())) {
                throw ApiException.badRequest(field.getKey() + " must be a string or a whole number");
            }
            values.put(field.getKey(), List.of(value.asText()));
        }
        return new RequestParams(values);
    }

    /** expire, joinExpire, audioExpire, ...: the fields that hold a lifetime in seconds. */
    private static boolean isLifetime(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith("expire");
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
