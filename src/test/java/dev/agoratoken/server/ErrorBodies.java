package dev.agoratoken.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;

/** Checks of the one error shape every failure of the service must have: {"error": "...", "status": N}. */
final class ErrorBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Text that would mean a stack trace or an exception's class name reached the client. */
    static final List<String> INTERNALS = List.of("Exception", "at org.", "at io.javalin", "at java.", "jetty");

    private ErrorBodies() {}

    /** Asserts the response is our JSON error with this status; returns its "error" message. */
    static String assertJsonError(Response response, int status) {
        assertEquals(status, response.statusCode(), () -> "status of " + response.asString());
        return assertJsonError(status, response.contentType(), response.asString());
    }

    static String assertJsonError(RawHttp.Reply reply, int status) {
        assertEquals(status, reply.status(), () -> "status of " + reply);
        return assertJsonError(status, reply.header("Content-Type"), reply.body());
    }

    /** For raw replies whose exact 4xx status is Jetty's decision: any 4xx, with our JSON body. */
    static String assertJson4xx(RawHttp.Reply reply) {
        assertTrue(reply.status() >= 400 && reply.status() < 500, () -> "expected a 4xx, got " + reply);
        return assertJsonError(reply.status(), reply.header("Content-Type"), reply.body());
    }

    private static String assertJsonError(int status, String contentType, String body) {
        assertNotNull(contentType, "Content-Type of " + body);
        assertTrue(contentType.toLowerCase().startsWith("application/json"), "Content-Type " + contentType + " of " + body);
        assertNoInternals(body);
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (Exception e) {
            return fail("not JSON: " + body);
        }
        assertTrue(json != null && json.isObject(), "a JSON object: " + body);
        assertEquals(Set.of("error", "status"), Set.copyOf(iterableToList(json.fieldNames())), "keys of " + body);
        assertTrue(json.get("error").isTextual(), "error is a string: " + body);
        assertFalse(json.get("error").asText().isBlank(), "error is not empty: " + body);
        assertTrue(json.get("status").isInt(), "status is a number: " + body);
        assertEquals(status, json.get("status").asInt(), "status field of " + body);
        return json.get("error").asText();
    }

    static void assertNoInternals(String body) {
        for (String text : INTERNALS) {
            assertFalse(body.contains(text), () -> "response body contains \"" + text + "\": " + body);
        }
    }

    private static List<String> iterableToList(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
