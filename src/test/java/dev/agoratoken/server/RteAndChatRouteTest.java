package dev.agoratoken.server;

import static dev.agoratoken.server.RtcRouteTest.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agoratoken.token.AccessToken2;
import dev.agoratoken.token.Privileges;
import dev.agoratoken.token.Service;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /rte/... (RTC and RTM together) and GET /chat/... against a running server. */
class RteAndChatRouteTest {
    private static final Privileges PUBLISHER_DAY = Privileges.allOf(86_400, 1, 2, 3, 4);
    private static final TestServer server = TestServer.shared();

    private static Service.Rtc onlyRtc(AccessToken2 token) {
        assertEquals(1, token.services().size(), () -> "one service: " + token);
        return token.service(Service.Rtc.class).orElseThrow();
    }

    /** The RTM token of /rte: RTM login for the user plus the channel as a stream channel, as the Go service mints it. */
    private static void assertStreamChannelRtm(String rtmToken, String channel, String userId, int expiry) throws Exception {
        AccessToken2 token = verified(rtmToken);
        assertEquals(List.of(Service.Rtc.class, Service.Rtm.class),
                token.services().stream().map(Object::getClass).toList(), () -> "RTC and RTM services: " + token);
        Service.Rtc rtc = token.service(Service.Rtc.class).orElseThrow();
        assertEquals(channel, rtc.channelName());
        assertEquals(userId, rtc.uid());
        assertEquals(Privileges.allOf(expiry, Service.Rtc.JOIN_CHANNEL, Service.Rtc.PUBLISH_DATA_STREAM), rtc.privileges());
        Service.Rtm rtm = token.service(Service.Rtm.class).orElseThrow();
        assertEquals(userId, rtm.userId());
        assertEquals(Privileges.of(Service.Rtm.LOGIN, expiry), rtm.privileges());
        assertEquals(expiry, token.expire());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rte/room/publisher/uid/42/", "/rte/room/publisher/uid/42"})
    void rtmUserDefaultsToTheRtcUid(String path) throws Exception {
        Response response = server.request().get(path);
        response.then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "private, no-cache, no-store, must-revalidate");
        assertEquals(List.of("rtcToken", "rtmToken", "expiresIn", "expiresAt"),
                List.copyOf(response.jsonPath().getMap("$").keySet()), "keys in the Go service's order");
        AccessToken2 rtcToken = verified(response.path("rtcToken"));
        Service.Rtc rtc = onlyRtc(rtcToken);
        assertEquals("room", rtc.channelName());
        assertEquals("42", rtc.uid());
        assertEquals(PUBLISHER_DAY, rtc.privileges());
        assertStreamChannelRtm(response.path("rtmToken"), "room", "42", 86_400);
        assertEquals(86_400, (int) response.path("expiresIn"));
    }

    @Test
    void explicitRtmUserDiffersFromTheRtcUid() throws Exception {
        Response response = server.request().get("/rte/room/subscriber/uid/42/bob/?expiry=1800");
        response.then().statusCode(200);
        Service.Rtc rtc = onlyRtc(verified(response.path("rtcToken")));
        assertEquals("room", rtc.channelName());
        assertEquals("42", rtc.uid());
        assertEquals(Privileges.of(Service.Rtc.JOIN_CHANNEL, 1800), rtc.privileges());
        assertStreamChannelRtm(response.path("rtmToken"), "room", "bob", 1800);
        assertEquals(1800, (int) response.path("expiresIn"));
    }

    @Test
    void accountRtcUid() throws Exception {
        Response response = server.request().get("/rte/room/host/userAccount/alice");
        response.then().statusCode(200);
        Service.Rtc rtc = onlyRtc(verified(response.path("rtcToken")));
        assertEquals("alice", rtc.uid());
        assertEquals(PUBLISHER_DAY, rtc.privileges());
        assertStreamChannelRtm(response.path("rtmToken"), "room", "alice", 86_400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rte/room/1/uid/0/", "/rte/room/1/uid/0", "/rte/room/1/uid/0/0/"})
    void uidZeroNeedsAnRtmUserId(String path) {
        String error = ErrorBodies.assertJsonError(server.request().get(path), 400);
        assertTrue(error.contains("rtmUserId"), error);
    }

    @Test
    void uidZeroWithAnRtmUserIdIsAnyUserForRtc() throws Exception {
        Response response = server.request().get("/rte/room/1/uid/0/carol/");
        response.then().statusCode(200);
        assertEquals("", onlyRtc(verified(response.path("rtcToken"))).uid());
        assertStreamChannelRtm(response.path("rtmToken"), "room", "carol", 86_400);
    }

    @Test
    void invalidRtmUserIdIsRefused() {
        String error = ErrorBodies.assertJsonError(server.request().get("/rte/room/1/uid/42/" + "b".repeat(65)), 400);
        assertTrue(error.contains("userId"), error);
    }

    @Test
    void invalidRoleIsRefused() {
        String error = ErrorBodies.assertJsonError(server.request().get("/rte/room/owner/uid/42/"), 400);
        assertTrue(error.contains("role"), error);
    }

    @Test
    void invalidTokenTypeIsRefused() {
        String error = ErrorBodies.assertJsonError(server.request().get("/rte/room/1/number/42/"), 400);
        assertTrue(error.contains("tokenType"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/chat/app/", "/chat/app"})
    void chatAppToken(String path) throws Exception {
        Response response = server.request().get(path + "?expiry=120");
        response.then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "private, no-cache, no-store, must-revalidate");
        assertEquals(List.of("chatToken", "expiresIn", "expiresAt"), List.copyOf(response.jsonPath().getMap("$").keySet()));
        AccessToken2 token = verified(response.path("chatToken"));
        assertEquals(1, token.services().size(), () -> "one service: " + token);
        Service.Chat chat = token.service(Service.Chat.class).orElseThrow();
        assertEquals("", chat.userId());
        assertEquals(Privileges.of(Service.Chat.APP, 120), chat.privileges());
        assertEquals(120, token.expire());
        assertEquals(120, (int) response.path("expiresIn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/chat/account/alice/", "/chat/account/alice"})
    void chatUserToken(String path) throws Exception {
        Response response = server.request().get(path);
        response.then().statusCode(200);
        assertEquals(List.of("chatToken", "expiresIn", "expiresAt"), List.copyOf(response.jsonPath().getMap("$").keySet()));
        AccessToken2 token = verified(response.path("chatToken"));
        assertEquals(1, token.services().size(), () -> "one service: " + token);
        Service.Chat chat = token.service(Service.Chat.class).orElseThrow();
        assertEquals("alice", chat.userId());
        assertEquals(Privileges.of(Service.Chat.USER, 86_400), chat.privileges());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "%C3%A9", "a%2Ab"})
    void invalidChatUserIsRefused(String userId) {
        String error = ErrorBodies.assertJsonError(server.request().get("/chat/account/" + userId + "/"), 400);
        assertTrue(error.contains("userId"), error);
    }

    @Test
    void chatAccountWithoutUserIsNotFound() {
        ErrorBodies.assertJsonError(server.request().get("/chat/account/"), 404);
    }
}
