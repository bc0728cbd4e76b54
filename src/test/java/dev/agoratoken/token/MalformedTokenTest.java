package dev.agoratoken.token;

import static dev.agoratoken.token.TokenFixtures.APP_ID;
import static dev.agoratoken.token.TokenFixtures.CERTIFICATE;
import static dev.agoratoken.token.TokenFixtures.NOW;
import static dev.agoratoken.token.TokenFixtures.ONE_OF_EACH_SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.agoratoken.token.TokenBytes.Wire;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of broken tokens. {@link TokenDecoder} documents that it returns a token or throws
 * {@link MalformedTokenException} ({@link UnknownServiceTypeException} for an unknown service
 * type), never anything unchecked, and never allocates more than a small bound. Each case
 * asserts the exact exception class.
 */
class MalformedTokenTest {
    private static final Class<MalformedTokenException> MALFORMED = MalformedTokenException.class;
    private static final Class<UnknownServiceTypeException> UNKNOWN = UnknownServiceTypeException.class;

    private static final byte[] SIGNATURE = filled(32, 0x11);
    private static final Map<Integer, Long> JOIN = Map.of(1, 600L);
    /** Fullwidth digits and letters: Character.digit reads them as hex, but they are not hex. */
    private static final String FULLWIDTH_APP_ID = "０１２３４５６７８９ａｂｃｄｅｆ０１２３４５６７８９ａｂｃｄｅｆ";

    private static final String VALID_007 = mint007();
    private static final String VALID_BODY = VALID_007.substring(3);
    private static final byte[] VALID_CONTENT = TokenBytes.inflate007(VALID_007);
    private static final byte[] VALID_ZLIB = Base64.getDecoder().decode(VALID_BODY);
    private static final String VALID_006 = mint006();
    private static final String VALID_006_BODY = VALID_006.substring(35);

    private static String mint007() {
        try {
            return TokenFixtures.builder().rtcWithUid("room-1", 2882341273L, RtcRole.PUBLISHER, 600);
        } catch (InvalidTokenParameterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mint006() {
        try {
            return TokenFixtures.builder006().rtcWithUid("room-1", 2882341273L, RtcRole.PUBLISHER, 600);
        } catch (InvalidTokenParameterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** The fixed part of a signing info, up to and including the service count. */
    private static Wire head(String appId, int serviceCount) {
        return new Wire().bytes(SIGNATURE).str(appId).u32(NOW).u32(600).u32(1).u16(serviceCount);
    }

    private static Wire head(int serviceCount) {
        return head(APP_ID, serviceCount);
    }

    private static Wire rtc(Wire wire) {
        return wire.u16(1).privileges(JOIN).str("room").str("42");
    }

    private static String t(Wire content) {
        return TokenBytes.encode007(content.toByteArray());
    }

    private static String t(byte[] content) {
        return TokenBytes.encode007(content);
    }

    private static String zlibBody(byte[] zlib) {
        return "007" + TokenBytes.base64(zlib);
    }

    private static String insert(String text, int at, String extra) {
        return text.substring(0, at) + extra + text.substring(at);
    }

    private static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String t006(Wire content) {
        return "006" + APP_ID + TokenBytes.base64(content.toByteArray());
    }

    private static Wire body006(Wire message) {
        return new Wire().bytes(SIGNATURE).u32(1).u32(2).bytes(message.toByteArray());
    }

    private static Wire message006() {
        return new Wire().u32(1).u32(NOW + 86_400);
    }

    private static Arguments c(String name, String token, Class<? extends Throwable> expected) {
        return Arguments.of(Named.of(name, token), expected);
    }

    static Stream<Arguments> corpus() {
        byte[] bombZlib = TokenBytes.zlib(new byte[4 * 1024 * 1024]);
        byte[] withDictFlag = TokenBytes.concat(new byte[] {0x78, (byte) 0xBB, 0, 0, 0, 1},
                Arrays.copyOfRange(VALID_ZLIB, 2, VALID_ZLIB.length));
        byte[] badAdler = VALID_ZLIB.clone();
        badAdler[badAdler.length - 1] ^= 1;
        byte[] badHeader = VALID_ZLIB.clone();
        badHeader[0] = 0x79;
        byte[] badFcheck = VALID_ZLIB.clone();
        badFcheck[1] = (byte) 0x9D;
        List<Arguments> cases = new ArrayList<>(List.of(
                // --- version and framing
                c("null", null, MALFORMED),
                c("empty string", "", MALFORMED),
                c("\"0\"", "0", MALFORMED),
                c("\"00\"", "00", MALFORMED),
                c("\"007\" with no body", "007", MALFORMED),
                c("\"006\" with nothing after", "006", MALFORMED),
                c("\"008abc\"", "008abc", MALFORMED),
                c("version 005 with a valid 007 body", "005" + VALID_BODY, MALFORMED),
                c("version missing (body only)", VALID_BODY, MALFORMED),
                c("\"7\" + body (version cut short)", "7" + VALID_BODY, MALFORMED),
                c("leading space", " " + VALID_007, MALFORMED),
                c("lowercase-prefixed \"v007\"", "v" + VALID_007, MALFORMED),
                c("NUL characters", "\0\0\0\0", MALFORMED),
                c("fullwidth digits as version", "００７" + VALID_BODY, MALFORMED),
                // --- base64 of a 007 body
                c("bad base64 character '*'", "007" + insert(VALID_BODY, 8, "*"), MALFORMED),
                c("URL-safe base64 alphabet ('-' and '_')", "007" + insert(VALID_BODY, 8, "-_"), MALFORMED),
                c("space inside the base64", "007" + insert(VALID_BODY, 12, " "), MALFORMED),
                c("newline inside the base64 (MIME style)", "007" + insert(VALID_BODY, 12, "\n"), MALFORMED),
                c("trailing newline", VALID_007 + "\n", MALFORMED),
                c("trailing CRLF", VALID_007 + "\r\n", MALFORMED),
                c("padding in the middle", "007" + insert(VALID_BODY, 8, "=="), MALFORMED),
                c("single dangling base64 character", "007A", MALFORMED),
                c("padding only", "007====", MALFORMED),
                c("emoji inside the base64", "007" + insert(VALID_BODY, 8, "😀"), MALFORMED),
                c("a 006 body behind a 007 prefix", "007" + VALID_006_BODY, MALFORMED),
                // --- zlib
                c("corrupt zlib header (CM byte 79)", zlibBody(badHeader), MALFORMED),
                c("zlib header with a wrong FCHECK", zlibBody(badFcheck), MALFORMED),
                c("zlib header asking for a preset dictionary", zlibBody(withDictFlag), MALFORMED),
                c("wrong Adler-32 checksum", zlibBody(badAdler), MALFORMED),
                c("Adler-32 checksum missing", zlibBody(Arrays.copyOf(VALID_ZLIB, VALID_ZLIB.length - 4)), MALFORMED),
                c("zlib stream cut in half", zlibBody(Arrays.copyOf(VALID_ZLIB, VALID_ZLIB.length / 2)), MALFORMED),
                c("zlib header only", zlibBody(new byte[] {0x78, (byte) 0x9C}), MALFORMED),
                c("trailing byte after the zlib stream", zlibBody(TokenBytes.concat(VALID_ZLIB, new byte[1])), MALFORMED),
                c("two concatenated zlib streams", zlibBody(TokenBytes.concat(VALID_ZLIB, VALID_ZLIB)), MALFORMED),
                c("raw deflate without zlib header", zlibBody(TokenBytes.rawDeflate(VALID_CONTENT)), MALFORMED),
                c("gzip instead of zlib", zlibBody(gzip(VALID_CONTENT)), MALFORMED),
                c("zlib stream of nothing", t(new byte[0]), MALFORMED),
                c("zip bomb within the length limit (4 MiB of zeros)", zlibBody(bombZlib), MALFORMED),
                c("zip bomb over the length limit (10 MiB of zeros)",
                        zlibBody(TokenBytes.zlib(new byte[10 * 1024 * 1024])), MALFORMED),
                c("100 KB token", "007" + "A".repeat(100_000), MALFORMED),
                c("100 KB of valid base64 zlib", zlibBody(TokenBytes.zlib(new byte[75_000], 0)), MALFORMED),
                // --- signature
                c("only the signature length", t(new Wire().u16(32)), MALFORMED),
                c("signature of 0 bytes", t(new Wire().u16(0).raw(VALID_CONTENT).toByteArray()), MALFORMED),
                c("signature of 31 bytes", t(new Wire().bytes(new byte[31]).raw(Arrays.copyOfRange(VALID_CONTENT, 34,
                        VALID_CONTENT.length))), MALFORMED),
                c("signature of 33 bytes", t(new Wire().bytes(new byte[33]).raw(Arrays.copyOfRange(VALID_CONTENT, 34,
                        VALID_CONTENT.length))), MALFORMED),
                c("signature length 65535 runs past the end", t(new Wire().u16(0xFFFF).raw(SIGNATURE)), MALFORMED),
                c("signature and no signing info", t(new Wire().bytes(SIGNATURE)), MALFORMED),
                // --- fixed fields
                c("App ID length 65535 runs past the end", t(new Wire().bytes(SIGNATURE).u16(0xFFFF).raw(
                        APP_ID.getBytes(StandardCharsets.US_ASCII))), MALFORMED),
                c("App ID of 31 characters", t(rtc(head(APP_ID.substring(1), 1))), MALFORMED),
                c("App ID of 33 characters", t(rtc(head(APP_ID + "0", 1))), MALFORMED),
                c("App ID with a non-hex 'g'", t(rtc(head("g" + APP_ID.substring(1), 1))), MALFORMED),
                c("empty App ID", t(rtc(head("", 1))), MALFORMED),
                c("App ID of fullwidth 'hex' digits", t(rtc(head(FULLWIDTH_APP_ID, 1))), MALFORMED),
                c("App ID of invalid UTF-8", t(new Wire().bytes(SIGNATURE).bytes(filled(32, 0xFF)).u32(NOW).u32(600)
                        .u32(1).u16(0)), MALFORMED),
                c("ends after the App ID", t(new Wire().bytes(SIGNATURE).str(APP_ID)), MALFORMED),
                c("ends inside issueTs", t(new Wire().bytes(SIGNATURE).str(APP_ID).u16(1)), MALFORMED),
                c("ends before the salt", t(new Wire().bytes(SIGNATURE).str(APP_ID).u32(NOW).u32(600)), MALFORMED),
                c("ends before the service count", t(new Wire().bytes(SIGNATURE).str(APP_ID).u32(NOW).u32(600).u32(1)),
                        MALFORMED),
                // --- services
                c("service count 1, no service", t(head(1)), MALFORMED),
                c("service count 2, one service", t(rtc(head(2))), MALFORMED),
                c("service count 65535, one service", t(rtc(head(0xFFFF))), MALFORMED),
                c("service type cut to one byte", t(head(1).raw(new byte[] {1})), MALFORMED),
                c("duplicate service type RTC, RTC", t(rtc(rtc(head(2)))), MALFORMED),
                c("duplicate service type RTM, Chat, RTM", t(head(3).u16(2).privileges(JOIN).str("u")
                        .u16(5).privileges(JOIN).str("u").u16(2).privileges(JOIN).str("u")), MALFORMED),
                c("unknown service type 0", t(head(1).u16(0).privileges(JOIN)), UNKNOWN),
                c("unknown service type 8", t(head(1).u16(8).privileges(JOIN)), UNKNOWN),
                c("unknown service type 65535", t(head(1).u16(0xFFFF).privileges(JOIN)), UNKNOWN),
                c("unknown service type 8 after a valid RTC", t(rtc(head(2)).u16(8)), UNKNOWN),
                c("privilege count 65535, one entry", t(head(1).u16(1).u16(0xFFFF).u16(1).u32(600).str("c").str("")),
                        MALFORMED),
                c("privilege count 2, one entry", t(head(1).u16(2).u16(2).u16(1).u32(600).str("c").str("")), MALFORMED),
                c("duplicate privilege id", t(head(1).u16(1).u16(2).u16(1).u32(600).u16(1).u32(700).str("c").str("")),
                        MALFORMED),
                c("privilege id without its value", t(head(1).u16(1).u16(1).u16(1)), MALFORMED),
                c("RTC channel length 65535 runs past the end", t(head(1).u16(1).privileges(JOIN).u16(0xFFFF)
                        .raw("room".getBytes(StandardCharsets.US_ASCII))), MALFORMED),
                c("RTC channel length 100, 10 bytes left", t(head(1).u16(1).privileges(JOIN).u16(100)
                        .raw(new byte[10])), MALFORMED),
                c("RTC uid missing", t(head(1).u16(1).privileges(JOIN).str("room")), MALFORMED),
                c("RTM user id missing", t(head(1).u16(2).privileges(JOIN)), MALFORMED),
                c("Streaming account missing", t(head(1).u16(3).privileges(JOIN).str("c")), MALFORMED),
                c("FPA privileges missing", t(head(1).u16(4)), MALFORMED),
                c("Chat user id length runs past the end", t(head(1).u16(5).privileges(JOIN).u16(5).raw(new byte[4])),
                        MALFORMED),
                c("FCDN account missing", t(head(1).u16(6).privileges(JOIN).str("c")), MALFORMED),
                c("APaaS role missing", t(head(1).u16(7).privileges(JOIN).str("r").str("u")), MALFORMED),
                c("APaaS role cut to one byte", t(head(1).u16(7).privileges(JOIN).str("r").str("u").raw(new byte[1])),
                        MALFORMED),
                c("one trailing byte after the content", t(TokenBytes.concat(VALID_CONTENT, new byte[1])), MALFORMED),
                c("100 trailing bytes after the content", t(TokenBytes.concat(VALID_CONTENT, filled(100, 0x41))),
                        MALFORMED),
                // --- 006
                c("006 + 10 hex characters", "006" + APP_ID.substring(0, 10), MALFORMED),
                c("006 + 31-character App ID", "006" + APP_ID.substring(1), MALFORMED),
                c("006 + App ID and no body", "006" + APP_ID, MALFORMED),
                c("006 with a non-hex App ID", "006" + "z" + VALID_006.substring(4), MALFORMED),
                c("006 with a fullwidth 'hex' App ID", "006" + FULLWIDTH_APP_ID + VALID_006_BODY, MALFORMED),
                c("006 body cut by 4 base64 characters", VALID_006.substring(0, VALID_006.length() - 4), MALFORMED),
                c("006 body cut in half", VALID_006.substring(0, 35 + VALID_006_BODY.length() / 2), MALFORMED),
                c("006 body with a bad base64 character", "006" + APP_ID + insert(VALID_006_BODY, 4, "*"), MALFORMED),
                c("006 body with whitespace", "006" + APP_ID + insert(VALID_006_BODY, 4, " "), MALFORMED),
                c("006 trailing bytes after the content", "006" + APP_ID + TokenBytes.base64(TokenBytes.concat(
                        Base64.getDecoder().decode(VALID_006_BODY), new byte[3])), MALFORMED),
                c("006 signature of 31 bytes", t006(new Wire().bytes(new byte[31]).u32(1).u32(2)
                        .bytes(message006().privileges(JOIN).toByteArray())), MALFORMED),
                c("006 message length runs past the end", t006(new Wire().bytes(SIGNATURE).u32(1).u32(2).u16(200)
                        .raw(new byte[8])), MALFORMED),
                c("006 message with trailing bytes", t006(body006(message006().privileges(JOIN).u16(7))), MALFORMED),
                c("006 message of the salt only", t006(body006(new Wire().u32(1))), MALFORMED),
                c("006 privilege count 65535", t006(body006(message006().u16(0xFFFF).u16(1).u32(5))), MALFORMED),
                c("006 duplicate privilege id", t006(body006(message006().u16(2).u16(1).u32(5).u16(1).u32(6))),
                        MALFORMED),
                c("006 of 100 KB", "006" + APP_ID + "A".repeat(100_000), MALFORMED)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void malformedInputIsRefusedWithTheDocumentedException(String token, Class<? extends Throwable> expected) {
        assertExactly(expected, () -> TokenDecoder.decode(token));
        assertExactly(expected, () -> TokenDecoder.decodeAccessToken2(token));
    }

    @Test
    void corpusIsLargeAndDistinct() {
        List<Object> inputs = corpus().map(a -> (Object) ((Named<?>) a.get()[0]).getPayload()).toList();
        assertTrue(inputs.size() >= 50, "corpus has " + inputs.size() + " cases");
        assertEquals(inputs.size(), new java.util.HashSet<>(inputs).size(), "every case is a distinct input");
    }

    @Test
    void unknownServiceTypeNamesTheType() {
        for (int type : new int[] {0, 8, 9, 255, 0xFFFF}) {
            String token = t(head(1).u16(type).privileges(JOIN));
            UnknownServiceTypeException e = assertThrows(UNKNOWN, () -> TokenDecoder.decode(token));
            assertEquals(type, e.serviceType());
            assertInstanceOf(MalformedTokenException.class, e, "documented as a kind of malformed token");
        }
    }

    @Test
    void a006TokenIsNotAnAccessToken2() throws Exception {
        assertInstanceOf(AccessToken006.class, TokenDecoder.decode(VALID_006));
        assertExactly(MALFORMED, () -> TokenDecoder.decodeAccessToken2(VALID_006));
    }

    /** Every prefix of a valid token's inflated content, re-deflated, is malformed. */
    static IntStream contentPrefixLengths() {
        return IntStream.range(0, allServicesContent().length);
    }

    private static byte[] allServicesContent() {
        return TokenBytes.inflate007(TokenBytes.sign007(APP_ID, CERTIFICATE, NOW, 600, 1, ONE_OF_EACH_SERVICE));
    }

    @ParameterizedTest(name = "first {0} bytes")
    @MethodSource("contentPrefixLengths")
    void truncatedAtEveryByteBoundary(int length) throws Exception {
        byte[] content = allServicesContent();
        TokenFixtures.verifierAt(NOW).verify(TokenDecoder.decodeAccessToken2(t(content))); // the whole is valid
        String token = t(Arrays.copyOf(content, length));
        assertExactly(MALFORMED, () -> TokenDecoder.decode(token));
    }

    @Test
    void token006TruncatedAtEveryByteBoundary() {
        byte[] content = Base64.getDecoder().decode(VALID_006_BODY);
        for (int length = 0; length < content.length; length++) {
            String token = "006" + APP_ID + TokenBytes.base64(Arrays.copyOf(content, length));
            int n = length;
            Throwable thrown = catchThrowable(() -> TokenDecoder.decode(token));
            if (thrown == null || thrown.getClass() != MALFORMED) {
                fail("006 content cut to " + n + " bytes: " + thrown);
            }
        }
    }

    @Test
    void zipBombFailsFastWithoutAllocating() throws Exception {
        String bomb = zlibBody(TokenBytes.zlib(new byte[4 * 1024 * 1024]));
        assertTrue(bomb.length() < 8192, "this bomb gets past the length check: " + bomb.length());
        String tenMegabytes = zlibBody(TokenBytes.zlib(new byte[10 * 1024 * 1024]));
        TokenDecoder.decode(VALID_007); // warm up this thread's workspace
        for (String token : List.of(bomb, tenMegabytes)) {
            long before = allocatedBytes();
            assertTimeout(Duration.ofSeconds(1), () -> assertExactly(MALFORMED, () -> TokenDecoder.decode(token)));
            long allocated = allocatedBytes() - before;
            if (before >= 0) {
                assertTrue(allocated < 512 * 1024, "decoding a bomb allocated " + allocated + " bytes");
            }
        }
    }

    /** Bytes this thread has allocated so far, or -1 where the JVM does not say. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
            return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    @Test
    void validTokenIsAcceptedAtEveryCompressionLevel() throws Exception {
        // zlib implementations differ in the bytes they produce; any valid stream must be read.
        for (int level = 0; level <= 9; level++) {
            String token = zlibBody(TokenBytes.zlib(VALID_CONTENT, level));
            AccessToken2 decoded = TokenDecoder.decodeAccessToken2(token);
            assertEquals(List.of(new Service.Rtc("room-1", "2882341273",
                    Privileges.allOf(600, 1, 2, 3, 4))), decoded.services(), "level " + level);
            TokenFixtures.verifierAt(NOW).verify(decoded);
        }
        // Base64 without its padding is still the same bytes.
        String unpadded = VALID_007.replace("=", "");
        TokenFixtures.verifierAt(NOW).verify(TokenDecoder.decodeAccessToken2(unpadded));
    }

    @FunctionalInterface
    interface Call {
        Object call() throws Throwable;
    }

    private static Throwable catchThrowable(Call call) {
        try {
            call.call();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void assertExactly(Class<? extends Throwable> expected, Call call) {
        Throwable thrown = catchThrowable(call);
        if (thrown == null) {
            fail("accepted; expected " + expected.getSimpleName());
        }
        if (thrown.getClass() != expected) {
            java.io.StringWriter trace = new java.io.StringWriter();
            thrown.printStackTrace(new java.io.PrintWriter(trace));
            fail("expected exactly " + expected.getSimpleName() + " but got " + trace);
        }
    }
}
