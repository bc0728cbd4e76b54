package dev.agoratoken.server;

import static dev.agoratoken.server.RtcRouteTest.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agoratoken.token.AccessToken2;
import dev.agoratoken.token.Privileges;
import dev.agoratoken.token.Service;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /getToken with JSON and form bodies against a running server. */
class GetTokenPostTest {
    private static final Privileges PUBLISHER_DAY = Privileges.allOf(86_400, 1, 2, 3, 4);
    private static final Privileges SUBSCRIBER_DAY = Privileges.of(Service.Rtc.JOIN_CHANNEL, 86_400);
    private static final TestServer server = TestServer.shared();

    private static Response postJson(String json) {
        return server.request().contentType("application/json").body(json).post("/getToken");
    }

    private static Response postForm(String form) {
        return server.request().contentType("application/x-www-form-urlencoded").body(form).post("/getToken");
    }

    /** A 200 with exactly token, expiresIn and expiresAt, not cacheable; the verified token. */
    private static AccessToken2 token(Response response) throws Exception {
        response.then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "private, no-cache, no-store, must-revalidate")
                .header("Expires", "-1")
                .header("Pragma", "no-cache");
        assertEquals(List.of("token", "expiresIn", "expiresAt"), List.copyOf(response.jsonPath().getMap("$").keySet()));
        AccessToken2 token = verified(response.path("token"));
        assertEquals(token.expire(), (long) (int) response.path("expiresIn"));
        long expiresAt = ((Number) response.path("expiresAt")).longValue();
        assertTrue(expiresAt <= token.expiresAt() && expiresAt >= token.expiresAt() - 1, "expiresAt " + expiresAt);
        return token;
    }

    private static Service.Rtc onlyRtc(AccessToken2 token) {
        assertEquals(1, token.services().size(), () -> "one service: " + token);
        return token.service(Service.Rtc.class).orElseThrow();
    }

    private static void assertRtc(AccessToken2 token, String channel, String uid, Privileges privileges) {
        Service.Rtc rtc = onlyRtc(token);
        assertEquals(channel, rtc.channelName());
        assertEquals(uid, rtc.uid());
        assertEquals(privileges, rtc.privileges());
    }

    // RTC

    @Test
    void rtcDigitUidIsNumeric() throws Exception {
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"publisher\",\"uid\":\"42\"}")),
                "room", "42", PUBLISHER_DAY);
        assertRtc(token(postForm("tokenType=rtc&channel=room&role=publisher&uid=42")), "room", "42", PUBLISHER_DAY);
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"publisher\",\"uid\":\"4294967295\"}")),
                "room", "4294967295", PUBLISHER_DAY);
    }

    @Test
    void rtcUidAsAJsonNumber() throws Exception {
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"publisher\",\"uid\":42}")),
                "room", "42", PUBLISHER_DAY);
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"publisher\",\"uid\":0}")),
                "room", "", PUBLISHER_DAY);
    }

    @Test
    void rtcLeadingZerosAreTheSameNumericUid() throws Exception {
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"1\",\"uid\":\"0042\"}")),
                "room", "42", PUBLISHER_DAY);
    }

    @Test
    void rtcUidZeroMeansAnyUser() throws Exception {
        assertRtc(token(postForm("tokenType=rtc&channel=room&role=subscriber&uid=0")), "room", "", SUBSCRIBER_DAY);
    }

    @Test
    void rtcNumericUidOutOfRangeIsRefused() {
        String error = ErrorBodies.assertJsonError(
                postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"4294967296\"}"), 400);
        assertTrue(error.contains("uid"), error);
        error = ErrorBodies.assertJsonError(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":4294967296}"), 400);
        assertTrue(error.contains("uid"), error);
    }

    @Test
    void rtcNonDigitUidIsAnAccount() throws Exception {
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"publisher\",\"uid\":\"alice\"}")),
                "room", "alice", PUBLISHER_DAY);
        assertRtc(token(postForm("tokenType=rtc&channel=room&role=publisher&uid=alice%40example.com")),
                "room", "alice@example.com", PUBLISHER_DAY);
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"publisher\",\"uid\":\"-42\"}")),
                "room", "-42", PUBLISHER_DAY);
    }

    @Test
    void rtcTokenTypeIsCaseInsensitive() throws Exception {
        assertRtc(token(postJson("{\"tokenType\":\"RTC\",\"channel\":\"room\",\"role\":\"publisher\",\"uid\":\"7\"}")),
                "room", "7", PUBLISHER_DAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"publisher", "Publisher", "host", "broadcaster", "1"})
    void rtcPublisherWords(String role) throws Exception {
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"" + role + "\",\"uid\":\"7\"}")),
                "room", "7", PUBLISHER_DAY);
        assertRtc(token(postForm("tokenType=rtc&channel=room&uid=7&role=" + role)), "room", "7", PUBLISHER_DAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"subscriber", "SUBSCRIBER", "audience", "2"})
    void rtcSubscriberWords(String role) throws Exception {
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"" + role + "\",\"uid\":\"7\"}")),
                "room", "7", SUBSCRIBER_DAY);
    }

    @Test
    void rtcRoleAsAJsonNumber() throws Exception {
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":1,\"uid\":\"7\"}")),
                "room", "7", PUBLISHER_DAY);
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":2,\"uid\":\"7\"}")),
                "room", "7", SUBSCRIBER_DAY);
    }

    /** Documented choice: like the Go service, no role means the least privilege, a subscriber. */
    @Test
    void rtcMissingRoleIsASubscriber() throws Exception {
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"7\"}")), "room", "7", SUBSCRIBER_DAY);
        assertRtc(token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"7\",\"role\":\"\"}")),
                "room", "7", SUBSCRIBER_DAY);
        assertRtc(token(postForm("tokenType=rtc&channel=room&uid=7")), "room", "7", SUBSCRIBER_DAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "0", "3", "admin"})
    void rtcUnknownRoleIsRefused(String role) {
        String error = ErrorBodies.assertJsonError(
                postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"7\",\"role\":\"" + role + "\"}"), 400);
        assertTrue(error.contains("role"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"tokenType\":\"rtc\",\"uid\":\"7\"}",
        "{\"tokenType\":\"rtc\",\"channel\":\"\",\"uid\":\"7\"}",
        "{\"tokenType\":\"rtc\",\"channel\":null,\"uid\":\"7\"}"
    })
    void rtcWithoutChannelIsRefused(String json) {
        String error = ErrorBodies.assertJsonError(postJson(json), 400);
        assertTrue(error.contains("channel"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"tokenType\":\"rtc\",\"channel\":\"room\"}", "{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"\"}"})
    void rtcWithoutUidIsRefused(String json) {
        String error = ErrorBodies.assertJsonError(postJson(json), 400);
        assertTrue(error.contains("uid"), error);
    }

    @Test
    void rtcInvalidChannelIsRefusedNamingIt() {
        String error = ErrorBodies.assertJsonError(
                postJson("{\"tokenType\":\"rtc\",\"channel\":\"" + "c".repeat(65) + "\",\"uid\":\"7\"}"), 400);
        assertTrue(error.contains("channelName"), error);
        error = ErrorBodies.assertJsonError(postJson("{\"tokenType\":\"rtc\",\"channel\":\"a/b\",\"uid\":\"7\"}"), 400);
        assertTrue(error.contains("channelName"), error);
    }

    // RTC with separate privilege expiries

    @Test
    void privilegeExpiriesAreCarriedExactly() throws Exception {
        AccessToken2 token = token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"publisher\","
                + "\"uid\":\"42\",\"expire\":3600,\"joinExpire\":3600,\"audioExpire\":600,\"videoExpire\":\"300\",\"dataExpire\":1}"));
        assertEquals(3600, token.expire());
        assertRtc(token, "room", "42", Privileges.fromMap(Map.of(1, 3600L, 2, 600L, 3, 300L, 4, 1L)));
    }

    @Test
    void privilegeExpiriesForAnAccountInAForm() throws Exception {
        AccessToken2 token = token(postForm("tokenType=rtc&channel=room&role=publisher&uid=alice"
                + "&expire=7200&joinExpire=7000&audioExpire=60&videoExpire=120&dataExpire=180"));
        assertEquals(7200, token.expire());
        assertRtc(token, "room", "alice", Privileges.fromMap(Map.of(1, 7000L, 2, 60L, 3, 120L, 4, 180L)));
    }

    @Test
    void omittedPrivilegeExpiriesDefaultToTheTokenLifetime() throws Exception {
        AccessToken2 token = token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"host\","
                + "\"uid\":\"42\",\"expire\":900,\"audioExpire\":60}"));
        assertRtc(token, "room", "42", Privileges.fromMap(Map.of(1, 900L, 2, 60L, 3, 900L, 4, 900L)));
        token = token(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"host\",\"uid\":\"42\",\"joinExpire\":60}"));
        assertEquals(86_400, token.expire());
        assertRtc(token, "room", "42", Privileges.fromMap(Map.of(1, 60L, 2, 86_400L, 3, 86_400L, 4, 86_400L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"joinExpire", "audioExpire", "videoExpire", "dataExpire"})
    void privilegeExpiryBeyondTheTokenIsRefused(String name) {
        String error = ErrorBodies.assertJsonError(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"publisher\","
                + "\"uid\":\"42\",\"expire\":3600,\"" + name + "\":3601}"), 400);
        assertTrue(error.contains(name), error);
        assertTrue(error.contains("1 to 3600"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"joinExpire", "audioExpire", "videoExpire", "dataExpire"})
    void privilegeExpiryThatIsNotAPositiveNumberIsRefused(String name) {
        for (String literal : List.of("0", "-1", "\"\"", "\"abc\"", "1.5", "86401")) {
            String error = ErrorBodies.assertJsonError(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\","
                    + "\"role\":\"publisher\",\"uid\":\"42\",\"" + name + "\":" + literal + "}"), 400);
            assertTrue(error.contains(name), error);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"joinExpire", "audioExpire", "videoExpire", "dataExpire"})
    void privilegeExpiriesNeedThePublisherRole(String name) {
        for (String role : List.of(",\"role\":\"subscriber\"", ",\"role\":\"audience\"", "")) {
            String error = ErrorBodies.assertJsonError(postJson("{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"42\","
                    + "\"" + name + "\":60" + role + "}"), 400);
            assertTrue(error.contains("publisher"), error);
        }
    }

    // RTM

    @Test
    void rtmWithoutChannel() throws Exception {
        for (Response response : List.of(postJson("{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"expire\":600}"),
                postForm("tokenType=rtm&uid=alice&expire=600"))) {
            AccessToken2 token = token(response);
            assertEquals(1, token.services().size(), () -> "one service: " + token);
            Service.Rtm rtm = token.service(Service.Rtm.class).orElseThrow();
            assertEquals("alice", rtm.userId());
            assertEquals(Privileges.of(Service.Rtm.LOGIN, 600), rtm.privileges());
        }
    }

    @Test
    void rtmNumericUidStaysAString() throws Exception {
        AccessToken2 token = token(postJson("{\"tokenType\":\"rtm\",\"uid\":42}"));
        assertEquals("42", token.service(Service.Rtm.class).orElseThrow().userId());
    }

    @Test
    void rtmWithChannelAddsTheStreamChannel() throws Exception {
        for (Response response : List.of(postJson("{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"channel\":\"lobby\",\"expire\":600}"),
                postForm("tokenType=rtm&uid=alice&channel=lobby&expire=600"))) {
            AccessToken2 token = token(response);
            assertEquals(List.of(Service.Rtc.class, Service.Rtm.class),
                    token.services().stream().map(Object::getClass).toList());
            Service.Rtc rtc = token.service(Service.Rtc.class).orElseThrow();
            assertEquals("lobby", rtc.channelName());
            assertEquals("alice", rtc.uid());
            assertEquals(Privileges.allOf(600, Service.Rtc.JOIN_CHANNEL, Service.Rtc.PUBLISH_DATA_STREAM), rtc.privileges());
            Service.Rtm rtm = token.service(Service.Rtm.class).orElseThrow();
            assertEquals("alice", rtm.userId());
            assertEquals(Privileges.of(Service.Rtm.LOGIN, 600), rtm.privileges());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"tokenType\":\"rtm\"}", "{\"tokenType\":\"rtm\",\"uid\":\"\"}", "{\"tokenType\":\"rtm\",\"channel\":\"x\"}"})
    void rtmWithoutUidIsRefused(String json) {
        String error = ErrorBodies.assertJsonError(postJson(json), 400);
        assertTrue(error.contains("uid"), error);
    }

    // Chat

    @Test
    void chatWithoutUidIsAnAppToken() throws Exception {
        for (Response response : List.of(postJson("{\"tokenType\":\"chat\"}"), postJson("{\"tokenType\":\"chat\",\"uid\":\"\"}"),
                postForm("tokenType=chat"))) {
            AccessToken2 token = token(response);
            assertEquals(1, token.services().size(), () -> "one service: " + token);
            Service.Chat chat = token.service(Service.Chat.class).orElseThrow();
            assertEquals("", chat.userId());
            assertEquals(Privileges.of(Service.Chat.APP, 86_400), chat.privileges());
        }
    }

    @Test
    void chatWithUidIsAUserToken() throws Exception {
        for (Response response : List.of(postJson("{\"tokenType\":\"chat\",\"uid\":\"alice\",\"expire\":60}"),
                postForm("tokenType=chat&uid=alice&expire=60"))) {
            AccessToken2 token = token(response);
            assertEquals(1, token.services().size(), () -> "one service: " + token);
            Service.Chat chat = token.service(Service.Chat.class).orElseThrow();
            assertEquals("alice", chat.userId());
            assertEquals(Privileges.of(Service.Chat.USER, 60), chat.privileges());
        }
    }

    // Token type

    @ParameterizedTest
    @ValueSource(strings = {"rte", "streaming", "RTCX", "uid", " rtc"})
    void unknownTokenTypeIsRefused(String tokenType) {
        String error = ErrorBodies.assertJsonError(
                postJson("{\"tokenType\":\"" + tokenType + "\",\"channel\":\"room\",\"uid\":\"7\"}"), 400);
        assertTrue(error.contains("tokenType"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"channel\":\"room\",\"uid\":\"7\"}", "{\"tokenType\":\"\",\"uid\":\"7\"}",
        "{\"tokenType\":null,\"uid\":\"7\"}", "{\"tokentype\":\"rtm\",\"uid\":\"7\"}", "{}"})
    void missingTokenTypeIsRefused(String json) {
        String error = ErrorBodies.assertJsonError(postJson(json), 400);
        assertTrue(error.contains("tokenType"), error);
    }

    @Test
    void missingTokenTypeInAFormIsRefused() {
        String error = ErrorBodies.assertJsonError(postForm("uid=7"), 400);
        assertTrue(error.contains("tokenType"), error);
        error = ErrorBodies.assertJsonError(postForm(""), 400);
        assertTrue(error.contains("tokenType"), error);
    }

    // Malformed bodies

    @ParameterizedTest
    @ValueSource(strings = {
        "{", "{\"tokenType\":\"rtm\",\"uid\":\"alice\"", "{tokenType: \"rtm\"}", "{'tokenType':'rtm'}",
        "{\"tokenType\":\"rtm\",\"uid\":\"alice\",}", "tokenType=rtm&uid=alice", "nul",
        "{\"tokenType\":\"rtm\",\"uid\":\"alice\"} {\"uid\":\"bob\"}", "{\"tokenType\":\"rtm\",\"uid\":\"alice\"}]"
    })
    void malformedJsonIsRefused(String body) {
        String error = ErrorBodies.assertJsonError(postJson(body), 400);
        assertTrue(error.contains("JSON"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"tokenType\":\"rtm\",\"uid\":\"alice\"}]", "\"rtm\"", "42", "true", "null"})
    void jsonThatIsNotAnObjectIsRefused(String body) {
        String error = ErrorBodies.assertJsonError(postJson(body), 400);
        assertTrue(error.contains("JSON object"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"tokenType\":\"rtm\",\"uid\":{\"id\":\"alice\"}}",
        "{\"tokenType\":\"rtm\",\"uid\":[\"alice\"]}",
        "{\"tokenType\":[\"rtm\"],\"uid\":\"alice\"}",
        "{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"extra\":{}}"
    })
    void nestedValuesAreRefused(String body) {
        String error = ErrorBodies.assertJsonError(postJson(body), 400);
        assertTrue(error.contains("must be a string or a whole number"), error);
    }

    /**
     * Only strings and whole numbers: {"uid": true} must not mint a token for the user "true",
     * nor {"uid": 42.0} one for the account "42.0".
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":42.0}",
        "{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"expire\":1e3}",
        "{\"tokenType\":\"rtm\",\"uid\":true}",
        "{\"tokenType\":\"chat\",\"uid\":false}",
        "{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"7\",\"role\":true}",
        "{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"expire\":true}"
    })
    void booleansAndFractionsAreRefused(String body) {
        String error = ErrorBodies.assertJsonError(postJson(body), 400);
        assertTrue(error.contains("must be a") && error.contains("whole number"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"uid\":\"bob\"}",
        "{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"uid\":\"alice\"}",
        "{\"tokenType\":\"rtm\",\"tokenType\":\"chat\",\"uid\":\"alice\"}"
    })
    void duplicateJsonKeysAreRefused(String body) {
        String error = ErrorBodies.assertJsonError(postJson(body), 400);
        assertTrue(error.contains("uid") || error.contains("tokenType"), error);
    }

    @Test
    void conflictingFormValuesAreRefused() {
        String error = ErrorBodies.assertJsonError(postForm("tokenType=rtm&uid=alice&uid=bob"), 400);
        assertTrue(error.contains("uid"), error);
    }

    @Test
    void emptyBodyIsRefused() {
        String error = ErrorBodies.assertJsonError(server.request().contentType("application/json").body("").post("/getToken"), 400);
        assertTrue(error.contains("empty"), error);
        error = ErrorBodies.assertJsonError(server.request().contentType("application/json").post("/getToken"), 400);
        assertTrue(error.contains("empty"), error);
    }

    @Test
    void whitespaceOnlyBodyIsRefused() {
        ErrorBodies.assertJsonError(postJson("   \n"), 400);
    }

    @Test
    void jsonWithCharsetAndWithoutContentTypeIsAccepted() throws Exception {
        token(server.request().contentType("application/json; charset=UTF-8")
                .body("{\"tokenType\":\"chat\"}").post("/getToken"));
        byte[] body = "{\"tokenType\":\"chat\"}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Reply reply = RawHttp.send(server.port(), raw("POST /getToken HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n", body));
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.body().contains("\"token\":\"007"), reply::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x"})
    void unsupportedContentTypeIs415(String contentType) {
        Response response = server.request().contentType(contentType)
                .body("{\"tokenType\":\"chat\"}".getBytes(StandardCharsets.UTF_8)).post("/getToken");
        String error = ErrorBodies.assertJsonError(response, 415);
        assertTrue(error.contains("application/json"), error);
    }

    // Size limit

    private static byte[] raw(String head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A well-formed JSON request of exactly {@code size} bytes. */
    private static String jsonOfSize(int size) {
        String head = "{\"tokenType\":\"chat\",\"pad\":\"";
        String tail = "\"}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }

    @Test
    void bodyOfExactlySixteenKibibytesIsAccepted() throws Exception {
        String body = jsonOfSize(16 * 1024);
        assertEquals(16 * 1024, body.length());
        token(postJson(body));
    }

    @Test
    void bodyOverSixteenKibibytesWithContentLengthIs413() {
        String error = ErrorBodies.assertJsonError(postJson(jsonOfSize(16 * 1024 + 1)), 413);
        assertTrue(error.contains("16384"), error);
        ErrorBodies.assertJsonError(postForm("tokenType=chat&pad=" + "x".repeat(100_000)), 413);
        ErrorBodies.assertJsonError(server.request().contentType("text/plain").body("x".repeat(20_000)).post("/getToken"), 413);
    }

    @Test
    void bodyOverSixteenKibibytesChunkedIs413() throws Exception {
        StringBuilder chunks = new StringBuilder();
        String json = jsonOfSize(20_000);
        for (int i = 0; i < json.length(); i += 1000) {
            String chunk = json.substring(i, Math.min(json.length(), i + 1000));
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        chunks.append("0\r\n\r\n");
        RawHttp.Reply reply = RawHttp.send(server.port(), ("POST /getToken HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)
                .getBytes(StandardCharsets.ISO_8859_1));
        String error = ErrorBodies.assertJsonError(reply, 413);
        assertTrue(error.contains("16384"), error);
    }

    @Test
    void smallChunkedBodyIsAccepted() throws Exception {
        String json = "{\"tokenType\":\"rtm\",\"uid\":\"alice\"}";
        String chunked = "10\r\n" + json.substring(0, 16) + "\r\n" + Integer.toHexString(json.length() - 16) + "\r\n"
                + json.substring(16) + "\r\n0\r\n\r\n";
        RawHttp.Reply reply = RawHttp.send(server.port(), ("POST /getToken HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked)
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.body().startsWith("{\"token\":\"007"), reply::toString);
    }
}
