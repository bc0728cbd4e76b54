package dev.agoratoken.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agoratoken.token.AccessToken2;
import dev.agoratoken.token.Service;
import dev.agoratoken.token.TokenDecoder;
import dev.agoratoken.token.TokenVerifier;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Token lifetimes: the {@code expiry} query parameter of the GET routes and the {@code expire}
 * field of POST /getToken. The server runs on a fixed clock (just before a second ends), so the
 * issue time, expiresAt and every privilege's expiry can be asserted exactly.
 */
class ExpiryTest {
    /** 999 ms into second 2,000,000,000: a server that rounds instead of truncating is off by one. */
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochMilli(2_000_000_000_999L));
    private static final long NOW = 2_000_000_000L;
    private static final String RANGE = "1 to 86400";

    /** Each GET route with the key of (the first of) its tokens. */
    private static final Map<String, String> GET_ROUTES = Map.of(
            "/rtc/room/1/uid/7/", "rtcToken",
            "/rtm/alice/", "rtmToken",
            "/rte/room/1/uid/7/", "rtcToken",
            "/chat/app/", "chatToken",
            "/chat/account/alice/", "chatToken");

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.startExactly(
                Map.of("APP_ID", TestServer.APP_ID, "APP_CERTIFICATE", TestServer.APP_CERTIFICATE), List.of(), CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static AccessToken2 verified(String token) throws Exception {
        AccessToken2 decoded = TokenDecoder.decodeAccessToken2(token);
        new TokenVerifier(TestServer.APP_ID, TestServer.APP_CERTIFICATE, CLOCK).verify(decoded);
        return decoded;
    }

    /** The token's lifetime, expiresIn, expiresAt and every privilege carry exactly {@code seconds}. */
    private static void assertLifetime(Response response, String tokenKey, int seconds) throws Exception {
        response.then().statusCode(200);
        assertEquals(seconds, (int) response.path("expiresIn"), "expiresIn");
        assertEquals(NOW + seconds, ((Number) response.path("expiresAt")).longValue(), "expiresAt");
        List<String> tokens = new ArrayList<>();
        tokens.add(response.path(tokenKey));
        if (response.path("rtmToken") != null && !tokenKey.equals("rtmToken")) {
            tokens.add(response.path("rtmToken")); // /rte returns two tokens
        }
        for (String text : tokens) {
            AccessToken2 token = verified(text);
            assertEquals(NOW, token.issueTs(), "issueTs is the server's clock, truncated to the second");
            assertEquals(seconds, token.expire(), "token expire");
            for (Service service : token.services()) {
                for (long value : service.privileges().asMap().values()) {
                    assertEquals(seconds, value, () -> "privilege expiry in " + token);
                }
            }
        }
    }

    static Stream<Arguments> routesAndBoundaries() {
        return GET_ROUTES.entrySet().stream().flatMap(route -> Stream.of(1, 86_400, 3600)
                .map(seconds -> Arguments.of(route.getKey(), route.getValue(), seconds)));
    }

    @ParameterizedTest(name = "{0}?expiry={2}")
    @MethodSource("routesAndBoundaries")
    void getBoundariesAreAccepted(String path, String tokenKey, int seconds) throws Exception {
        assertLifetime(server.request().get(path + "?expiry=" + seconds), tokenKey, seconds);
    }

    static Stream<Arguments> routes() {
        return GET_ROUTES.entrySet().stream().map(route -> Arguments.of(route.getKey(), route.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void missingExpiryIsADay(String path, String tokenKey) throws Exception {
        assertLifetime(server.request().get(path), tokenKey, 86_400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void leadingZerosAndRepeatsOfTheSameValueAreAccepted(String path, String tokenKey) throws Exception {
        assertLifetime(server.request().get(path + "?expiry=0000000000060"), tokenKey, 60);
        assertLifetime(server.request().get(path + "?expiry=60&expiry=60"), tokenKey, 60);
        assertLifetime(server.request().get(path + "?other=x&expiry=61"), tokenKey, 61);
    }

    /** Query values (as sent on the wire) that are not a whole number of seconds from 1 to 86400. */
    private static final List<String> BAD_QUERY_VALUES = List.of(
            "86401", "0", "00", "-1", "abc", "1.5", "1e3", "0x10", "4294967296", "4294967356",
            "18446744073709551617", "", "+5", "%2B5", "%205", "5%20", "%EF%BC%95", "%00", "60%00");

    static Stream<Arguments> routesAndBadValues() {
        return GET_ROUTES.keySet().stream().flatMap(path -> BAD_QUERY_VALUES.stream().map(v -> Arguments.of(path, v)));
    }

    @ParameterizedTest(name = "{0}?expiry={1}")
    @MethodSource("routesAndBadValues")
    void getOutOfRangeOrNotANumberIsRefused(String path, String value) {
        String error = ErrorBodies.assertJsonError(server.request().get(path + "?expiry=" + value), 400);
        assertTrue(error.contains("expiry"), error);
        assertTrue(error.contains(RANGE), error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void expiryWithoutAValueIsRefused(String path) {
        String error = ErrorBodies.assertJsonError(server.request().get(path + "?expiry"), 400);
        assertTrue(error.contains(RANGE), error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void conflictingRepeatsAreRefused(String path) {
        String error = ErrorBodies.assertJsonError(server.request().get(path + "?expiry=60&expiry=61"), 400);
        assertTrue(error.contains("expiry"), error);
        assertTrue(error.contains("different values"), error);
        error = ErrorBodies.assertJsonError(server.request().get(path + "?expiry=60&expiry="), 400);
        assertTrue(error.contains("expiry"), error);
    }

    /** Javalin's own query parser drops a value with a bad escape; the server must refuse it instead. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void malformedPercentEscapeIsRefused(String path) throws Exception {
        for (String query : List.of("expiry=%ZZ", "expiry=60&expiry=%ZZ", "expiry=%6", "expiry=6%")) {
            RawHttp.Reply reply = RawHttp.get(server.port(), "GET " + path + "?" + query + " HTTP/1.1");
            String error = ErrorBodies.assertJsonError(reply, 400);
            assertTrue(error.contains("percent"), error);
        }
    }

    // POST /getToken: the "expire" field, in JSON (string or number) and in a form.

    private static Response postJson(String json) {
        return server.request().contentType("application/json").body(json).post("/getToken");
    }

    private static Response postForm(String form) {
        return server.request().contentType("application/x-www-form-urlencoded").body(form).post("/getToken");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 86_400, 600})
    void postBoundariesAreAccepted(int seconds) throws Exception {
        assertLifetime(postJson("{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"expire\":" + seconds + "}"), "token", seconds);
        assertLifetime(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"7\",\"role\":\"publisher\","
                + "\"expire\":\"" + seconds + "\"}"), "token", seconds);
        assertLifetime(postForm("tokenType=chat&expire=" + seconds), "token", seconds);
    }

    @Test
    void postMissingExpireIsADay() throws Exception {
        assertLifetime(postJson("{\"tokenType\":\"rtm\",\"uid\":\"alice\"}"), "token", 86_400);
        assertLifetime(postJson("{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"expire\":null}"), "token", 86_400);
        assertLifetime(postForm("tokenType=rtm&uid=alice"), "token", 86_400);
    }

    @Test
    void postSameValueTwiceInAFormIsAccepted() throws Exception {
        assertLifetime(postForm("tokenType=rtm&uid=alice&expire=60&expire=60"), "token", 60);
    }

    /** JSON literals for "expire" that must be refused with the accepted range. */
    @ParameterizedTest
    @ValueSource(strings = {
        "86401", "0", "-1", "1.5", "60.0", "1e3", "4294967296", "18446744073709551617",
        "\"86401\"", "\"0\"", "\"-1\"", "\"abc\"", "\"1.5\"", "\"4294967296\"", "\"18446744073709551617\"",
        "\"\"", "\"+5\"", "\" 5\"", "\"5 \"", "\"\\u0660\""
    })
    void postJsonOutOfRangeOrNotANumberIsRefused(String literal) {
        String error = ErrorBodies.assertJsonError(
                postJson("{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"expire\":" + literal + "}"), 400);
        assertTrue(error.contains("expire"), error);
        assertTrue(error.contains(RANGE), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"86401", "0", "-1", "abc", "1.5", "4294967296", "18446744073709551617", "", "%2B5", "+5", "%205"})
    void postFormOutOfRangeOrNotANumberIsRefused(String value) {
        String error = ErrorBodies.assertJsonError(postForm("tokenType=rtm&uid=alice&expire=" + value), 400);
        assertTrue(error.contains("expire"), error);
        assertTrue(error.contains(RANGE), error);
    }

    @Test
    void postConflictingValuesAreRefused() {
        String error = ErrorBodies.assertJsonError(postForm("tokenType=rtm&uid=alice&expire=60&expire=61"), 400);
        assertTrue(error.contains("expire"), error);
        error = ErrorBodies.assertJsonError(postJson("{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"expire\":60,\"expire\":61}"), 400);
        assertTrue(error.contains("expire"), error);
    }

    @Test
    void postMalformedEscapeInTheFormIsRefused() {
        String error = ErrorBodies.assertJsonError(postForm("tokenType=rtm&uid=alice&expire=%ZZ"), 400);
        assertFalse(error.isBlank());
    }

    @Test
    void defaultExpiryFromTheEnvironmentAppliesToEveryRouteAndCanBeOverridden() throws Exception {
        try (TestServer custom = TestServer.startExactly(Map.of("APP_ID", TestServer.APP_ID,
                "APP_CERTIFICATE", TestServer.APP_CERTIFICATE, "TOKEN_DEFAULT_EXPIRY", "300"), List.of(), CLOCK)) {
            for (Map.Entry<String, String> route : GET_ROUTES.entrySet()) {
                assertLifetime(custom.request().get(route.getKey()), route.getValue(), 300);
                // The default is not a cap: a request may still ask for up to a day.
                assertLifetime(custom.request().get(route.getKey() + "?expiry=86400"), route.getValue(), 86_400);
            }
            assertLifetime(custom.request().contentType("application/json")
                    .body("{\"tokenType\":\"chat\"}").post("/getToken"), "token", 300);
        }
    }
}
