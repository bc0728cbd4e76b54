package dev.agoratoken.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class (see junit-platform.properties) and checks that nothing the
 * servers logged and no response any test received contains an App Certificate.
 */
@Order(Integer.MAX_VALUE)
class SecretsNeverLeakTest {
    private static final List<String> CERTIFICATES = List.of(
            TestServer.APP_CERTIFICATE, ServerConfig.DEMO_APP_CERTIFICATE);

    @Test
    void serverLogsNeverContainTheCertificate() throws IOException {
        Path log = Path.of("target", "test-server.log");
        assertTrue(Files.exists(log), "the test logger writes to " + log);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("GET /"), "the suite's requests were logged to " + log);
        assertNoCertificate("server log", text);
    }

    @Test
    void responsesNeverContainTheCertificate() {
        assertFalse(TestServer.RECORDED_BODIES.isEmpty(), "earlier test classes recorded responses");
        for (String body : TestServer.RECORDED_BODIES) {
            assertNoCertificate("response", body);
        }
    }

    private static void assertNoCertificate(String where, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String certificate : CERTIFICATES) {
            assertFalse(lower.contains(certificate.toLowerCase(Locale.ROOT)), where + " contains a certificate");
        }
    }
}
