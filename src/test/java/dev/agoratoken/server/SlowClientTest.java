package dev.agoratoken.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that start a request and then stall must not starve the others. The handler pool is
 * small on purpose (a few threads per core), so a thread blocked reading a body that never comes
 * would be a cheap way to take the service down.
 */
class SlowClientTest {
    /** Well above the pool size of max(8, 4 × cores) on the machines this runs on. */
    private static final int STALLED_CLIENTS = 64;

    private final TestServer server = TestServer.shared();

    @Test
    void stalledUploadsDoNotBlockOtherRequests() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED_CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                OutputStream out = socket.getOutputStream();
                // Headers promise 100 bytes; only the first one ever arrives.
                out.write(("POST /getToken HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(socket);
            }
            Thread.sleep(300); // let the server take them all in

            long start = System.nanoTime();
            String token = server.request().get("/rtm/alice/").then().statusCode(200).extract().path("rtmToken");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(token.startsWith("007"), token);
            assertTrue(elapsed.toMillis() < 2_000, "a token was served in " + elapsed.toMillis()
                    + " ms while " + STALLED_CLIENTS + " uploads stalled");
        } finally {
            for (Socket socket : stalled) {
                closeQuietly(socket);
            }
        }
    }

    @Test
    void aBodyThatArrivesInPiecesIsStillServed() throws Exception {
        String body = "{\"tokenType\":\"rtm\",\"uid\":\"alice\"}";
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /getToken HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (char c : body.toCharArray()) {
                out.write(c);
                out.flush();
                Thread.sleep(5);
            }
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("HTTP/1.1 200", reply.substring(0, 12), reply);
            assertTrue(reply.contains("\"token\":\"007"), reply);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the test is over; nothing to report
        }
    }
}
