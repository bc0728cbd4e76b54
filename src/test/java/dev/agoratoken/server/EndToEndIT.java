package dev.agoratoken.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agoratoken.token.AccessToken2;
import dev.agoratoken.token.Service;
import dev.agoratoken.token.TokenDecoder;
import dev.agoratoken.token.TokenVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run the way the README runs it: {@code java -jar target/agora-token-service.jar},
 * from an unrelated working directory, configured only through its environment and .env file.
 */
class EndToEndIT {
    private static final Path JAR = Path.of(System.getProperty("service.jar", "target/agora-token-service.jar"))
            .toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path workDir;

    /** A running jar; its stderr is collected for assertions. */
    private final class RunningJar implements AutoCloseable {
        final Process process;
        final Path log;
        final int port;

        RunningJar(Map<String, String> env, String... args) throws Exception {
            log = workDir.resolve("server-" + System.nanoTime() + ".log");
            process = start(env, log, args);
            port = awaitPort();
        }

        private int awaitPort() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                Matcher matcher = LISTENING.matcher(output());
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                }
                assertTrue(process.isAlive(), "server exited early:\n" + output());
                Thread.sleep(50);
            }
            throw new AssertionError("server did not start within 30 s:\n" + output());
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        JsonNode getJson(String path, int expectedStatus) throws Exception {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(expectedStatus, response.statusCode(), response.body());
            return new ObjectMapper().readTree(response.body());
        }

        int terminate() throws Exception {
            process.toHandle().destroy(); // SIGTERM, as a platform stopping the container sends
            assertTrue(process.waitFor(15, TimeUnit.SECONDS), "server stopped within 15 s of SIGTERM");
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private Process start(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        for (String name : List.of("APP_ID", "APP_CERTIFICATE", "DEMO", "PORT", "SERVER_PORT",
                "CORS_ALLOW_ORIGIN", "TOKEN_DEFAULT_EXPIRY")) {
            builder.environment().remove(name);
        }
        builder.environment().put("PORT", "0");
        builder.environment().putAll(env);
        return builder.start();
    }

    private ProcessResult runToExit(Map<String, String> env, String... args) throws Exception {
        Path log = workDir.resolve("failed-start.log");
        Process process = start(env, log, args);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "a misconfigured server exits instead of hanging");
        return new ProcessResult(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record ProcessResult(int exitCode, String output) {}

    @Test
    void demoModeServesVerifiableTokensAndSaysSoLoudly() throws Exception {
        try (RunningJar server = new RunningJar(Map.of(), "--demo")) {
            JsonNode pong = server.getJson("/ping", 200);
            assertEquals("pong", pong.get("message").asText());
            assertTrue(pong.get("demo").asBoolean());
            assertFalse(pong.get("version").asText().isBlank());

            String token = server.getJson("/rtm/alice/", 200).get("rtmToken").asText();
            AccessToken2 decoded = TokenDecoder.decodeAccessToken2(token);
            new TokenVerifier(ServerConfig.DEMO_APP_ID, ServerConfig.DEMO_APP_CERTIFICATE).verify(decoded);
            assertEquals("alice", decoded.service(Service.Rtm.class).orElseThrow().userId());

            String output = server.output();
            assertTrue(output.contains("DEMO MODE"), output);
            assertTrue(output.contains("Agora will REJECT these tokens"), output);
            assertTrue(output.contains("GET /rtm/alice/ 200"), "one log line per request:\n" + output);
            assertFalse(output.contains(token), "the log never holds a whole token");
            assertFalse(output.contains(ServerConfig.DEMO_APP_CERTIFICATE), "the log never holds the certificate");
            assertEquals(0, server.terminate(), "SIGTERM ends the service with exit code 0");
        }
    }

    @Test
    void sigtermLetsARequestInProgressFinish() throws Exception {
        String body = "{\"tokenType\":\"rtm\",\"uid\":\"alice\"}";
        try (RunningJar server = new RunningJar(Map.of(), "--demo");
             Socket socket = new Socket("127.0.0.1", server.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /getToken HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200); // the request is now being read by the server
            server.process.toHandle().destroy();
            Thread.sleep(200);
            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("\"token\":\"007"), response);
            assertTrue(server.process.waitFor(15, TimeUnit.SECONDS), "stopped after the request");
            assertEquals(0, server.process.exitValue());
        }
    }

    @Test
    void credentialsComeFromTheDotEnvFileInTheWorkingDirectory() throws Exception {
        Files.writeString(workDir.resolve(".env"), "# test project\nAPP_ID=" + TestServer.APP_ID
                + "\nAPP_CERTIFICATE=\"" + TestServer.APP_CERTIFICATE + "\"\nTOKEN_DEFAULT_EXPIRY=600\n");
        try (RunningJar server = new RunningJar(Map.of())) {
            JsonNode body = server.getJson("/rtc/MyChannel/1/uid/1/?expiry=300", 200);
            AccessToken2 token = TokenDecoder.decodeAccessToken2(body.get("rtcToken").asText());
            new TokenVerifier(TestServer.APP_ID, TestServer.APP_CERTIFICATE).verify(token);
            assertEquals(300, token.expire());
            assertEquals(600, server.getJson("/rtm/bob", 200).get("expiresIn").asInt(), "default from .env");
            assertFalse(server.getJson("/ping", 200).has("demo"), "real credentials are not demo mode");
            assertFalse(server.output().contains(TestServer.APP_CERTIFICATE));
            assertEquals(0, server.terminate());
        }
    }

    @Test
    void missingCredentialsStopStartUpWithAMessageNamingTheVariable() throws Exception {
        ProcessResult result = runToExit(Map.of());
        assertTrue(result.exitCode() != 0, "exit code " + result.exitCode());
        assertTrue(result.output().contains("APP_ID is not set"), result.output());
        assertTrue(result.output().contains("--demo"), "points to demo mode: " + result.output());
    }

    @Test
    void invalidCertificateStopsStartUpWithoutPrintingIt() throws Exception {
        String almostSecret = TestServer.APP_CERTIFICATE + "0"; // 33 characters
        ProcessResult result = runToExit(Map.of("APP_ID", TestServer.APP_ID, "APP_CERTIFICATE", almostSecret));
        assertTrue(result.exitCode() != 0, "exit code " + result.exitCode());
        assertTrue(result.output().contains("APP_CERTIFICATE"), result.output());
        assertFalse(result.output().contains(TestServer.APP_CERTIFICATE), "the certificate is never printed");
    }
}
