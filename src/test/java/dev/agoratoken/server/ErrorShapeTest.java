package dev.agoratoken.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every failure, whether raised by our handlers, by Javalin's router or inside Jetty before
 * routing, is {"error": "...", "status": N} as application/json, with no stack trace.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErrorShapeTest {
    private static final TestServer server = TestServer.shared();

    // 404

    @ParameterizedTest
    @ValueSource(strings = {"/", "/nope", "/rtc", "/rtc/room", "/rtc/room/1/uid", "/rtc/room/1/uid/1/extra",
        "/rtm", "/rtm/", "/chat", "/chat/user/alice", "/getToken/extra", "/PING", "/rtm/alice/extra/more", "/favicon.ico"})
    void unknownPathIs404Json(String path) {
        String error = ErrorBodies.assertJsonError(server.request().get(path), 404);
        assertTrue(error.contains("no route"), error);
    }

    @Test
    void notFoundForOtherMethodsIsJsonToo() {
        ErrorBodies.assertJsonError(server.request().post("/nope"), 404);
        ErrorBodies.assertJsonError(server.request().delete("/nope"), 404);
        ErrorBodies.assertJsonError(server.request().put("/nope/deeper"), 404);
    }

    @Test
    void notFoundIsJsonEvenWhenTheClientAsksForHtml() {
        Response response = server.request().accept("text/html").get("/nope");
        ErrorBodies.assertJsonError(response, 404);
    }

    // 405

    static Stream<Arguments> wrongMethods() {
        return Stream.of(
                Arguments.of("DELETE", "/ping", "GET"),
                Arguments.of("POST", "/ping", "GET"),
                Arguments.of("PUT", "/ping/", "GET"),
                Arguments.of("PATCH", "/ping", "GET"),
                Arguments.of("GET", "/getToken", "POST"),
                Arguments.of("GET", "/getToken/", "POST"),
                Arguments.of("PUT", "/getToken", "POST"),
                Arguments.of("DELETE", "/getToken", "POST"),
                Arguments.of("POST", "/rtm/alice", "GET"),
                Arguments.of("PUT", "/rtm/alice/", "GET"),
                Arguments.of("POST", "/rtc/room/1/uid/1", "GET"),
                Arguments.of("DELETE", "/rte/room/1/uid/1/bob", "GET"),
                Arguments.of("PUT", "/chat/app", "GET"),
                Arguments.of("POST", "/chat/account/alice", "GET"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongMethods")
    void wrongMethodIs405JsonWithAllow(String method, String path, String allowed) {
        Response response = server.request().request(method, path);
        String error = ErrorBodies.assertJsonError(response, 405);
        assertTrue(error.contains(method), error);
        String allow = response.header("Allow");
        assertNotNull(allow, "Allow header");
        List<String> methods = List.of(allow.split("\\s*,\\s*"));
        assertTrue(methods.contains(allowed), "Allow: " + allow);
        assertFalse(methods.contains(method), "Allow: " + allow);
    }

    // Our own 4xx

    @Test
    void handlerErrorsHaveTheShape() {
        ErrorBodies.assertJsonError(server.request().get("/rtc/room/owner/uid/1"), 400);
        ErrorBodies.assertJsonError(server.request().get("/rtc/room/1/uid/abc"), 400);
        ErrorBodies.assertJsonError(server.request().get("/rtc/room/1/uid/4294967296"), 400);
        ErrorBodies.assertJsonError(server.request().get("/rtc/room/1/uid/-1"), 400);
        ErrorBodies.assertJsonError(server.request().get("/rtc/" + "c".repeat(65) + "/1/uid/1"), 400);
        ErrorBodies.assertJsonError(server.request().contentType("text/plain").body("x").post("/getToken"), 415);
    }

    @Test
    void errorsAreNotCachedAsTokens() {
        Response response = server.request().get("/rtc/room/owner/uid/1");
        ErrorBodies.assertJsonError(response, 400);
        assertFalse(response.asString().contains("007"), "no token in an error");
    }

    // Ambiguous and encoded path separators: either refused or validated as path parameters, never served as a route.

    @ParameterizedTest
    @ValueSource(strings = {
        "/rtm/%2e%2e", "/rtm/%2e%2e/", "/rtm/%2E%2E/", "/rtm/..", "/rtm/../", "/rtm/.", "/rtm/%2e", "/rtm/.%2E",
        "/rtm/%2e.", "/rtc/../1/uid/1", "/rtc/room/1/uid/%2e%2e", "/rtc/room/1/userAccount/..", "/chat/account/%2e%2e/",
        "/rte/room/1/uid/1/%2e%2e", "/ping/..", "/ping/.", "/./ping", "/rtm/alice/..", "/%2e%2e/ping", "/rtm/%2e%2e/%2e%2e/ping",
        "/rtm/a%2Fb", "/rtm/a%2fb/", "/rtc/a%2Fb/1/uid/1", "/rtc/room/1/userAccount/a%2Fb", "/chat/account/a%2F..%2Fb",
        "/rtm/%2F", "/rtm//", "//rtm/alice/", "/rtm//alice", "/rtc//1/uid/1", "/rtc/room//uid/1", "//ping/..",
        "/rtm/a%5Cb", "/rtm/%5C..%5Cping"
    })
    void suspiciousPathsAre4xxJson(String path) throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.port(), "GET " + path + " HTTP/1.1");
        ErrorBodies.assertJson4xx(reply);
        assertFalse(reply.body().contains("007"), () -> "no token for " + path + ": " + reply);
    }

    // Errors raised by Jetty before routing, sent over a raw socket

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD"})
    void badPercentEncodingInThePath(String method) throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.port(), method + " /rtc/%ZZ/1/uid/1 HTTP/1.1");
        if (method.equals("HEAD")) {
            assertEquals(400, reply.status(), reply::toString);
            return;
        }
        ErrorBodies.assertJsonError(reply, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rtc/%C3%28/1/uid/1", "/rtm/%C3%28", "/rtm/%FF", "/rtm/%ED%A0%80", "/rtm/a%", "/rtm/a%2",
        "/rtm/%00", "/rtm/a%0D%0AX-Injected:%20yes"})
    void invalidUtf8OrTruncatedEscapesInThePath(String path) throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.port(), "GET " + path + " HTTP/1.1");
        ErrorBodies.assertJson4xx(reply);
        assertTrue(reply.header("X-Injected") == null, reply::toString);
    }

    @Test
    void rawNonUtf8BytesInThePath() throws Exception {
        byte[] target = "/rtm/\u00C3\u0028\u00FF".getBytes(StandardCharsets.ISO_8859_1);
        ErrorBodies.assertJson4xx(RawHttp.getBytes(server.port(), target));
        ErrorBodies.assertJson4xx(RawHttp.getBytes(server.port(), "/rtm/\u00E9".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void uriOverEightKilobytesIs414() throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.port(), "GET /rtc/" + "a".repeat(9000) + "/1/uid/1 HTTP/1.1");
        ErrorBodies.assertJsonError(reply, 414);
        reply = RawHttp.get(server.port(), "GET /ping?expiry=" + "1".repeat(9000) + " HTTP/1.1");
        ErrorBodies.assertJsonError(reply, 414);
        reply = RawHttp.get(server.port(), "POST /getToken?" + "a".repeat(9000) + " HTTP/1.1");
        ErrorBodies.assertJsonError(reply, 414);
    }

    @Test
    void longButAcceptableUriGetsOurOwnValidation() throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.port(), "GET /rtc/" + "a".repeat(4000) + "/1/uid/1 HTTP/1.1");
        String error = ErrorBodies.assertJsonError(reply, 400);
        assertTrue(error.contains("channelName"), error);
        assertTrue(error.length() < 400, "the value is not echoed whole: " + error.length());
    }

    @Test
    void headerOverEightKilobytesIs431() throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.port(), "GET /ping HTTP/1.1", "X-Big: " + "a".repeat(9000));
        ErrorBodies.assertJsonError(reply, 431);
        reply = RawHttp.get(server.port(), "POST /getToken HTTP/1.1", "Cookie: c=" + "a".repeat(9000));
        ErrorBodies.assertJsonError(reply, 431);
    }

    @Test
    void headersTooLargeInTotalIs431() throws Exception {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            headers.add("X-Header-" + i + ": " + "v".repeat(300)); // each small, 12 KB together
        }
        RawHttp.Reply reply = RawHttp.get(server.port(), "GET /ping HTTP/1.1", headers.toArray(String[]::new));
        ErrorBodies.assertJsonError(reply, 431);
    }

    @ParameterizedTest
    @ValueSource(strings = {"THIS IS NOT HTTP", "GET", "G\u0001T /ping HTTP/1.1",
        "GET /pi ng HTTP/1.1", "GET /ping\tHTTP/1.1", " GET /ping HTTP/1.1"})
    void malformedRequestLineIs400Json(String requestLine) throws Exception {
        byte[] request = (requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Reply reply = RawHttp.send(server.port(), request);
        ErrorBodies.assertJsonError(reply, 400);
    }

    /** What Jetty reads as a version it does not speak gets 505, still in our JSON shape. */
    @ParameterizedTest
    @ValueSource(strings = {"GET /ping HTTP/9.9", "GET /ping HTTP/1.1 extra", "GET /ping\u0000 HTTP/1.1", "GET /ping",
        "GET  HTTP/1.1"})
    void unknownHttpVersionIsJson(String requestLine) throws Exception {
        RawHttp.Reply reply = RawHttp.send(server.port(),
                (requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(reply.status() == 400 || reply.status() == 505, reply::toString);
        ErrorBodies.assertJsonError(reply, reply.status());
    }

    @Test
    void malformedHeadersAre400Json() throws Exception {
        ErrorBodies.assertJsonError(RawHttp.get(server.port(), "GET /ping HTTP/1.1", "No colon here"), 400);
        ErrorBodies.assertJsonError(RawHttp.send(server.port(),
                "GET /ping HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)), 400);
        ErrorBodies.assertJsonError(RawHttp.send(server.port(), ("POST /getToken HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Length: abc\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)), 400);
    }

    @Test
    void jettyErrorsAreNotCachedAndUseNoServerHeader() throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.port(), "GET /rtc/%ZZ/1/uid/1 HTTP/1.1");
        ErrorBodies.assertJsonError(reply, 400);
        assertTrue(reply.header("Server") == null || !reply.header("Server").toLowerCase().contains("jetty"), reply::toString);
    }

    @Test
    void successfulRepliesDoNotAdvertiseTheServer() {
        Response response = server.request().get("/ping");
        response.then().statusCode(200);
        String serverHeader = response.header("Server");
        assertTrue(serverHeader == null || !serverHeader.toLowerCase().contains("jetty"), "Server: " + serverHeader);
    }

    /** Runs last in this class: scans every body any test so far received. */
    @Test
    @Order(Integer.MAX_VALUE)
    void noRecordedResponseShowsInternals() {
        server.request().get("/nope"); // at least one
        for (String body : TestServer.RECORDED_BODIES) {
            for (String text : Set.of("Exception", "at org.", "at io.javalin")) {
                assertFalse(body.contains(text), () -> "a response contains \"" + text + "\": " + body);
            }
        }
    }
}
