package dev.agoratoken.server;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agoratoken.token.AccessToken2;
import dev.agoratoken.token.Privileges;
import dev.agoratoken.token.Service;
import dev.agoratoken.token.TokenDecoder;
import dev.agoratoken.token.TokenVerifier;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /rtc/{channelName}/{role}/{tokenType}/{uid}/ against a running server, tokens checked field by field. */
class RtcRouteTest {
    private static final TestServer server = TestServer.shared();

    /** Decodes and verifies a token the server returned. */
    static AccessToken2 verified(String token) throws Exception {
        AccessToken2 decoded = TokenDecoder.decodeAccessToken2(token);
        new TokenVerifier(TestServer.APP_ID, TestServer.APP_CERTIFICATE).verify(decoded);
        return decoded;
    }

    private static Service.Rtc onlyRtc(AccessToken2 token) {
        assertEquals(1, token.services().size(), "one service");
        return token.service(Service.Rtc.class).orElseThrow();
    }

    @Test
    void documentedExampleIsAPublisherToken() throws Exception {
        Response response = server.request().get("/rtc/MyChannel/1/uid/1/?expiry=300");
        response.then().statusCode(200).contentType("application/json");
        AccessToken2 token = verified(response.path("rtcToken"));
        Service.Rtc rtc = onlyRtc(token);
        assertEquals("MyChannel", rtc.channelName());
        assertEquals("1", rtc.uid());
        assertEquals(Privileges.allOf(300, 1, 2, 3, 4), rtc.privileges());
        assertEquals(300, token.expire());
        assertEquals(300, (int) response.path("expiresIn"));
        long expiresAt = ((Number) response.path("expiresAt")).longValue();
        assertTrue(expiresAt <= token.issueTs() + 300 && expiresAt >= token.issueTs() + 299, "expiresAt " + expiresAt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"publisher", "PUBLISHER", "host", "Host", "broadcaster", "BroadCaster", "1"})
    void publisherWordsGrantPublishing(String role) throws Exception {
        String token = server.request().get("/rtc/room/" + role + "/uid/42/").then().statusCode(200)
                .extract().path("rtcToken");
        assertEquals(Privileges.allOf(86_400, 1, 2, 3, 4), onlyRtc(verified(token)).privileges());
    }

    @ParameterizedTest
    @ValueSource(strings = {"subscriber", "SUBSCRIBER", "audience", "Audience", "2"})
    void subscriberWordsGrantJoinOnly(String role) throws Exception {
        String token = server.request().get("/rtc/room/" + role + "/uid/42").then().statusCode(200)
                .extract().path("rtcToken");
        assertEquals(Privileges.of(1, 86_400), onlyRtc(verified(token)).privileges());
    }

    @ParameterizedTest
    @ValueSource(strings = {"userAccount", "account", "USERACCOUNT"})
    void accountPathsCarryTheAccountString(String tokenType) throws Exception {
        String token = server.request().get("/rtc/room/publisher/" + tokenType + "/alice@example.com/")
                .then().statusCode(200).extract().path("rtcToken");
        Service.Rtc rtc = onlyRtc(verified(token));
        assertEquals("room", rtc.channelName());
        assertEquals("alice@example.com", rtc.uid());
    }

    @Test
    void uidZeroMeansAnyUser() throws Exception {
        String token = server.request().get("/rtc/room/2/uid/0").then().statusCode(200).extract().path("rtcToken");
        assertEquals("", onlyRtc(verified(token)).uid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "0", "3", "pub", ""})
    void unknownRoleIsRefusedWithTheAcceptedWords(String role) {
        server.request().get("/rtc/room/" + role + "/uid/1/").then()
                .statusCode(role.isEmpty() ? 404 : 400)
                .body("status", org.hamcrest.Matchers.equalTo(role.isEmpty() ? 404 : 400))
                .body("error", containsString(role.isEmpty() ? "no route" : "publisher"));
    }

    @Test
    void tokenResponsesAreNeverCached() {
        server.request().get("/rtc/room/1/uid/7").then().statusCode(200)
                .header("Cache-Control", "private, no-cache, no-store, must-revalidate")
                .header("Expires", "-1")
                .header("Pragma", "no-cache");
    }

    @Test
    void defaultExpiryComesFromTheEnvironment() throws Exception {
        try (TestServer custom = TestServer.start(Map.of("TOKEN_DEFAULT_EXPIRY", "1200"))) {
            Response response = custom.request().get("/rtc/room/1/uid/7");
            response.then().statusCode(200).body("expiresIn", org.hamcrest.Matchers.equalTo(1200));
            assertEquals(1200, verified(response.path("rtcToken")).expire());
        }
    }
}
