package dev.agoratoken.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CORS with the default (every origin) and with an explicit CORS_ALLOW_ORIGIN list. */
class CorsTest {
    private static final String ALLOWED_A = "https://a.example";
    private static final String ALLOWED_B = "https://b.example";
    private static final TestServer open = TestServer.shared();
    private static TestServer listed;

    @BeforeAll
    static void start() {
        listed = TestServer.start(Map.of("CORS_ALLOW_ORIGIN", "https://a.example,https://b.example/"));
    }

    @AfterAll
    static void stop() {
        listed.close();
    }

    private static List<String> tokens(String headerValue) {
        assertNotNull(headerValue);
        return List.of(headerValue.toLowerCase().split("\\s*,\\s*"));
    }

    private static void assertEchoed(Response response, String origin) {
        assertEquals(origin, response.header("Access-Control-Allow-Origin"));
        assertTrue(tokens(String.join(",", response.headers().getValues("Vary"))).contains("origin"),
                "Vary: " + response.headers().getValues("Vary"));
    }

    // Default: every origin

    @ParameterizedTest
    @ValueSource(strings = {"https://anything.example", "http://localhost:3000", "null"})
    void defaultEchoesAnyOrigin(String origin) {
        Response response = open.request().header("Origin", origin).get("/rtm/alice");
        response.then().statusCode(200);
        assertEchoed(response, origin);
    }

    @Test
    void defaultWithoutOriginHasNoCorsHeader() {
        Response response = open.request().get("/ping");
        response.then().statusCode(200);
        assertNull(response.header("Access-Control-Allow-Origin"));
        assertTrue(tokens(String.join(",", response.headers().getValues("Vary"))).contains("origin"),
                "a cache must not reuse this answer for a browser's cross-origin request");
    }

    @Test
    void defaultPreflight() {
        Response response = open.request().header("Origin", "https://anything.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/getToken");
        response.then().statusCode(204);
        assertEchoed(response, "https://anything.example");
        assertTrue(tokens(response.header("Access-Control-Allow-Methods")).contains("post"));
        assertTrue(tokens(response.header("Access-Control-Allow-Headers")).contains("content-type"));
    }

    // Explicit list

    @ParameterizedTest
    @ValueSource(strings = {ALLOWED_A, ALLOWED_B, "HTTPS://A.EXAMPLE"})
    void listedOriginIsServedAndEchoed(String origin) {
        Response response = listed.request().header("Origin", origin).get("/rtc/room/1/uid/1/");
        response.then().statusCode(200);
        assertTrue(response.path("rtcToken").toString().startsWith("007"));
        assertEchoed(response, origin);
    }

    @Test
    void listedOriginIsServedOnPostToo() {
        Response response = listed.request().header("Origin", ALLOWED_B).contentType("application/json")
                .body("{\"tokenType\":\"chat\"}").post("/getToken");
        response.then().statusCode(200);
        assertEchoed(response, ALLOWED_B);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://c.example", "http://a.example", "https://a.example:8443", "https://a.example.evil",
        "https://evil.a.example", "https://a.example/", "null", ""})
    void unlistedOriginIs403Json(String origin) {
        Response response = listed.request().header("Origin", origin).get("/rtc/room/1/uid/1/");
        String error = ErrorBodies.assertJsonError(response, 403);
        assertTrue(error.contains("CORS_ALLOW_ORIGIN"), error);
        assertNull(response.header("Access-Control-Allow-Origin"));
    }

    @Test
    void unlistedOriginGetsNoTokenFromPostEither() {
        Response response = listed.request().header("Origin", "https://c.example").contentType("application/json")
                .body("{\"tokenType\":\"chat\"}").post("/getToken");
        ErrorBodies.assertJsonError(response, 403);
    }

    @Test
    void withoutOriginTheRequestIsServedWithoutCorsHeaders() {
        Response response = listed.request().get("/rtm/alice/");
        response.then().statusCode(200);
        assertTrue(response.path("rtmToken").toString().startsWith("007"));
        assertNull(response.header("Access-Control-Allow-Origin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/getToken", "/rtc/room/1/uid/1/", "/ping"})
    void preflightFromListedOrigin(String path) {
        Response response = listed.request().header("Origin", ALLOWED_A)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type")
                .options(path);
        response.then().statusCode(204);
        assertEchoed(response, ALLOWED_A);
        List<String> methods = tokens(response.header("Access-Control-Allow-Methods"));
        assertTrue(methods.contains("get") && methods.contains("post"), "methods " + methods);
        assertTrue(tokens(response.header("Access-Control-Allow-Headers")).contains("content-type"));
        assertEquals("", response.asString(), "a 204 has no body");
    }

    @Test
    void preflightFromUnlistedOriginIs403() {
        Response response = listed.request().header("Origin", "https://c.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/getToken");
        ErrorBodies.assertJsonError(response, 403);
        assertNull(response.header("Access-Control-Allow-Origin"));
        assertNull(response.header("Access-Control-Allow-Methods"));
    }

    @Test
    void corsHeadersAreOnErrorResponsesForAListedOrigin() {
        Response badRequest = listed.request().header("Origin", ALLOWED_A).get("/rtc/room/owner/uid/1/");
        ErrorBodies.assertJsonError(badRequest, 400);
        assertEchoed(badRequest, ALLOWED_A);

        Response postError = listed.request().header("Origin", ALLOWED_A).contentType("application/json")
                .body("{\"tokenType\":\"nope\"}").post("/getToken");
        ErrorBodies.assertJsonError(postError, 400);
        assertEchoed(postError, ALLOWED_A);

        Response notFound = listed.request().header("Origin", ALLOWED_A).get("/nope");
        ErrorBodies.assertJsonError(notFound, 404);
        assertEchoed(notFound, ALLOWED_A);

        Response wrongMethod = listed.request().header("Origin", ALLOWED_A).delete("/ping");
        ErrorBodies.assertJsonError(wrongMethod, 405);
        assertEchoed(wrongMethod, ALLOWED_A);

        Response tooLarge = listed.request().header("Origin", ALLOWED_A).contentType("application/json")
                .body("{\"tokenType\":\"chat\",\"pad\":\"" + "x".repeat(20_000) + "\"}").post("/getToken");
        ErrorBodies.assertJsonError(tooLarge, 413);
        assertEchoed(tooLarge, ALLOWED_A);
    }
}
