package dev.agoratoken.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agoratoken.token.AccessToken2;
import dev.agoratoken.token.Service;
import dev.agoratoken.token.SignatureMismatchException;
import dev.agoratoken.token.TokenDecoder;
import dev.agoratoken.token.TokenVerifier;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /ping, and demo mode (--demo or DEMO=true without credentials). */
class PingAndDemoTest {
    private static final TestServer server = TestServer.shared();
    private static String buildVersion;

    @BeforeAll
    static void readBuildVersion() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("target", "classes", "agora-token-service.properties"),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        buildVersion = properties.getProperty("version");
        assertTrue(buildVersion != null && !buildVersion.isBlank() && !buildVersion.contains("${"),
                "the build filtered the version into the properties file: " + buildVersion);
    }

    private static Map<String, Object> ping(TestServer target) {
        Response response = target.request().get("/ping");
        response.then().statusCode(200).contentType("application/json");
        return new LinkedHashMap<>(response.jsonPath().getMap("$"));
    }

    @Test
    void pongWithTheBuildVersion() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("message", "pong");
        expected.put("version", buildVersion);
        Map<String, Object> pong = ping(server);
        assertEquals(expected, pong);
        assertEquals(List.of("message", "version"), List.copyOf(pong.keySet()), "key order");
        assertFalse(pong.containsKey("demo"));
    }

    @Test
    void pingAcceptsTrailingSlashAndIgnoresQuery() {
        server.request().get("/ping/").then().statusCode(200);
        assertEquals("pong", server.request().get("/ping?x=1").then().statusCode(200).extract().path("message"));
    }

    @Test
    void pingIsNotAToken() {
        Response response = server.request().get("/ping");
        assertFalse(response.asString().contains("007"));
    }

    @Test
    void realServerTokensDoNotVerifyWithTheDemoCertificate() throws Exception {
        String token = server.request().get("/rtm/alice").then().statusCode(200).extract().path("rtmToken");
        AccessToken2 decoded = TokenDecoder.decodeAccessToken2(token);
        assertEquals(TestServer.APP_ID, decoded.appId());
        assertThrows(Exception.class,
                () -> new TokenVerifier(ServerConfig.DEMO_APP_ID, ServerConfig.DEMO_APP_CERTIFICATE).verify(decoded));
    }

    @Test
    void demoFlagWithoutCredentials() throws Exception {
        try (TestServer demo = TestServer.startExactly(Map.of(), List.of("--demo"), InstantSource.system())) {
            assertDemo(demo);
        }
    }

    @Test
    void demoEnvironmentVariableWithoutCredentials() throws Exception {
        try (TestServer demo = TestServer.startExactly(Map.of("DEMO", "true"), List.of(), InstantSource.system())) {
            assertDemo(demo);
        }
    }

    private static void assertDemo(TestServer demo) throws Exception {
        assertTrue(demo.config.demo());
        Map<String, Object> pong = ping(demo);
        assertEquals(List.of("message", "version", "demo"), List.copyOf(pong.keySet()));
        assertEquals("pong", pong.get("message"));
        assertEquals(buildVersion, pong.get("version"));
        assertEquals(Boolean.TRUE, pong.get("demo"));

        TokenVerifier demoVerifier = new TokenVerifier(ServerConfig.DEMO_APP_ID, ServerConfig.DEMO_APP_CERTIFICATE);
        String rtc = demo.request().get("/rtc/room/1/uid/42/").then().statusCode(200).extract().path("rtcToken");
        AccessToken2 rtcToken = TokenDecoder.decodeAccessToken2(rtc);
        assertEquals(ServerConfig.DEMO_APP_ID, rtcToken.appId());
        demoVerifier.verify(rtcToken);
        assertEquals("42", rtcToken.service(Service.Rtc.class).orElseThrow().uid());

        String posted = demo.request().contentType("application/json").body("{\"tokenType\":\"rtm\",\"uid\":\"alice\"}")
                .post("/getToken").then().statusCode(200).extract().path("token");
        AccessToken2 postedToken = TokenDecoder.decodeAccessToken2(posted);
        assertEquals(ServerConfig.DEMO_APP_ID, postedToken.appId());
        demoVerifier.verify(postedToken);

        // A demo token is not signed with the test project's certificate.
        AccessToken2 sameAppId = TokenDecoder.decodeAccessToken2(rtc);
        assertNotEquals(TestServer.APP_ID.toLowerCase(), sameAppId.appId().toLowerCase());
        assertThrows(SignatureMismatchException.class,
                () -> new TokenVerifier(ServerConfig.DEMO_APP_ID, TestServer.APP_CERTIFICATE).verify(sameAppId));
    }
}
