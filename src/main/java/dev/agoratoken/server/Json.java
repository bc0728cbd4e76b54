package dev.agoratoken.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON mapper of the service, and the one error body shape: {"error": "...", "status": N}. */
final class Json {
    /**
     * Duplicate keys are an error: {"uid": 1, "uid": 2} must not silently mean 2. So is anything
     * after the value: {"uid": "a"} {"uid": "b"} must not silently mean the first object.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    static Map<String, Object> error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        return body;
    }

    static byte[] errorBytes(int status, String message) {
        try {
            return MAPPER.writeValueAsBytes(error(status, message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of a string and an int always serialises", e);
        }
    }
}
