package dev.agoratoken.server;

import static dev.agoratoken.server.RtcRouteTest.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agoratoken.token.AccessToken2;
import dev.agoratoken.token.Privileges;
import dev.agoratoken.token.Service;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /rtm/{userId}/ (Signaling login, optionally with a stream channel) against a running server. */
class RtmRouteTest {
    private static final TestServer server = TestServer.shared();

    private static Service.Rtm onlyRtm(AccessToken2 token) {
        assertEquals(1, token.services().size(), () -> "one service: " + token);
        return token.service(Service.Rtm.class).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rtm/alice/", "/rtm/alice"})
    void loginTokenWithAndWithoutTrailingSlash(String path) throws Exception {
        Response response = server.request().get(path + "?expiry=600");
        response.then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "private, no-cache, no-store, must-revalidate");
        assertEquals(Set.of("rtmToken", "expiresIn", "expiresAt"), response.jsonPath().getMap("$").keySet());
        AccessToken2 token = verified(response.path("rtmToken"));
        Service.Rtm rtm = onlyRtm(token);
        assertEquals("alice", rtm.userId());
        assertEquals(Privileges.of(Service.Rtm.LOGIN, 600), rtm.privileges());
        assertEquals(600, token.expire());
        assertEquals(TestServer.APP_ID, token.appId());
        assertEquals(600, (int) response.path("expiresIn"));
        long expiresAt = ((Number) response.path("expiresAt")).longValue();
        assertTrue(expiresAt <= token.issueTs() + 600 && expiresAt >= token.issueTs() + 599, "expiresAt " + expiresAt);
    }

    @Test
    void defaultLifetimeIsADay() throws Exception {
        Response response = server.request().get("/rtm/bob");
        response.then().statusCode(200);
        AccessToken2 token = verified(response.path("rtmToken"));
        assertEquals(Privileges.of(Service.Rtm.LOGIN, 86_400), onlyRtm(token).privileges());
        assertEquals(86_400, token.expire());
        assertEquals(86_400, (int) response.path("expiresIn"));
    }

    @Test
    void longestAllowedCharacterSetUserId() throws Exception {
        String userId = "u".repeat(60) + "_-@.";
        assertEquals(64, userId.length());
        String token = server.request().get("/rtm/" + userId + "/").then().statusCode(200).extract().path("rtmToken");
        assertEquals(userId, onlyRtm(verified(token)).userId());
    }

    /** Dots are allowed in user ids; only whole "." and ".." path segments are refused. */
    @ParameterizedTest
    @ValueSource(strings = {"a.b", "...", ".a", "a..", "%2e%2e%2e", "a%2e"})
    void dotsInsideAUserIdAreFine(String userId) throws Exception {
        String token = server.request().get("/rtm/" + userId + "/").then().statusCode(200).extract().path("rtmToken");
        assertEquals(java.net.URLDecoder.decode(userId, java.nio.charset.StandardCharsets.UTF_8), onlyRtm(verified(token)).userId());
    }

    /** In a path '+' is a plus, not a space (unlike in a query string), and %20 is a space. */
    @Test
    void plusAndSpaceInThePath() throws Exception {
        String token = server.request().get("/rtm/a+b/").then().statusCode(200).extract().path("rtmToken");
        assertEquals("a+b", onlyRtm(verified(token)).userId());
        token = server.request().get("/rtm/a%20b/").then().statusCode(200).extract().path("rtmToken");
        assertEquals("a b", onlyRtm(verified(token)).userId());
        token = server.request().get("/rtm/a%2Bb/?channel=c+d").then().statusCode(200).extract().path("rtmToken");
        AccessToken2 decoded = verified(token);
        assertEquals("a+b", decoded.service(Service.Rtm.class).orElseThrow().userId());
        assertEquals("c d", decoded.service(Service.Rtc.class).orElseThrow().channelName(), "a query's + is a space");
    }

    @Test
    void channelAddsAStreamChannelRtcServiceForTheSameUser() throws Exception {
        Response response = server.request().get("/rtm/alice/?channel=lobby&expiry=900");
        response.then().statusCode(200);
        assertEquals(Set.of("rtmToken", "expiresIn", "expiresAt"), response.jsonPath().getMap("$").keySet());
        AccessToken2 token = verified(response.path("rtmToken"));
        assertEquals(2, token.services().size(), () -> "RTC and RTM: " + token);
        assertEquals(List.of(Service.Rtc.class, Service.Rtm.class),
                token.services().stream().map(Object::getClass).toList(), "ascending service type order");
        Service.Rtc rtc = token.service(Service.Rtc.class).orElseThrow();
        assertEquals("lobby", rtc.channelName());
        assertEquals("alice", rtc.uid());
        assertEquals(Privileges.allOf(900, Service.Rtc.JOIN_CHANNEL, Service.Rtc.PUBLISH_DATA_STREAM), rtc.privileges());
        Service.Rtm rtm = token.service(Service.Rtm.class).orElseThrow();
        assertEquals("alice", rtm.userId());
        assertEquals(Privileges.of(Service.Rtm.LOGIN, 900), rtm.privileges());
        assertEquals(900, token.expire());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "%2A"})
    void wildcardChannelCoversEveryStreamChannel(String channel) throws Exception {
        String token = server.request().get("/rtm/alice?channel=" + channel).then().statusCode(200)
                .extract().path("rtmToken");
        Service.Rtc rtc = verified(token).service(Service.Rtc.class).orElseThrow();
        assertEquals("*", rtc.channelName());
        assertEquals("alice", rtc.uid());
    }

    @Test
    void wildcardIsNotAUserId() {
        String error = ErrorBodies.assertJsonError(server.request().get("/rtm/%2A/"), 400);
        assertTrue(error.contains("userId"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad%2Fchannel", "bad%20%2Fchannel", "%C3%A9t%C3%A9"})
    void invalidChannelIsRefused(String channel) {
        String error = ErrorBodies.assertJsonError(server.request().get("/rtm/alice/?channel=" + channel), 400);
        assertTrue(error.contains("channel"), error);
    }

    @Test
    void emptyChannelIsRefusedRatherThanIgnored() {
        String error = ErrorBodies.assertJsonError(server.request().get("/rtm/alice/?channel="), 400);
        assertTrue(error.contains("channel"), error);
    }

    @Test
    void conflictingChannelsAreRefused() {
        String error = ErrorBodies.assertJsonError(server.request().get("/rtm/alice/?channel=a&channel=b"), 400);
        assertTrue(error.contains("channel"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu", // 65 characters
        "a%2Fb", "a%22b", "a%27b", "a%5Cb", "a%0Ab", "%C3%A9", "a%2Ab", "a%60b"
    })
    void invalidUserIdIsRefusedNamingUserId(String userId) {
        String error = ErrorBodies.assertJsonError(server.request().get("/rtm/" + userId + "/"), 400);
        assertTrue(error.contains("userId"), error);
    }

    @Test
    void sixtyFiveCharactersIsOneTooMany() {
        String error = ErrorBodies.assertJsonError(server.request().get("/rtm/" + "u".repeat(65)), 400);
        assertTrue(error.contains("64"), error);
    }

    /** Javalin's trailing-slash handling must serve both forms, never redirect. */
    @ParameterizedTest
    @ValueSource(strings = {
        "/ping", "/ping/", "/rtm/alice", "/rtm/alice/", "/rtc/room/1/uid/1", "/rtc/room/1/uid/1/",
        "/rte/room/1/uid/1", "/rte/room/1/uid/1/", "/rte/room/1/uid/1/bob", "/rte/room/1/uid/1/bob/",
        "/chat/app", "/chat/app/", "/chat/account/alice", "/chat/account/alice/"
    })
    void everyRouteAnswersWithoutRedirect(String path) {
        server.request().redirects().follow(false).get(path).then().statusCode(200);
    }

    @Test
    void postWithoutTrailingSlashIsServedToo() {
        server.request().redirects().follow(false).contentType("application/json")
                .body("{\"tokenType\":\"rtm\",\"uid\":\"alice\"}").post("/getToken/").then().statusCode(200);
    }
}
