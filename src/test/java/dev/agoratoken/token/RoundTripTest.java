package dev.agoratoken.token;

import static dev.agoratoken.token.TokenFixtures.APP_ID;
import static dev.agoratoken.token.TokenFixtures.CERTIFICATE;
import static dev.agoratoken.token.TokenFixtures.NOW;
import static dev.agoratoken.token.TokenFixtures.SALT_U32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every builder recipe and every service type goes build → {@link TokenDecoder#decode} →
 * {@link TokenVerifier#verify}, with a frozen clock and salt, and comes back field by field.
 * Besides the library's own decoder, each token's inflated bytes are compared with the bytes
 * the format document prescribes ({@link TokenBytes}), so a bug shared by encoder and decoder
 * (say, two fields swapped both ways) still fails.
 */
class RoundTripTest {
    /** Builds one token with the frozen builder. */
    @FunctionalInterface
    interface Mint {
        String mint(AccessToken2Builder builder) throws Exception;
    }

    private static Privileges privileges(Object... idValuePairs) {
        Map<Integer, Long> map = new java.util.TreeMap<>();
        for (int i = 0; i < idValuePairs.length; i += 2) {
            map.put((Integer) idValuePairs[i], ((Number) idValuePairs[i + 1]).longValue());
        }
        return Privileges.fromMap(map);
    }

    private static Privileges publisher(long expire) {
        return privileges(1, expire, 2, expire, 3, expire, 4, expire);
    }

    private static Privileges subscriber(long expire) {
        return privileges(1, expire);
    }

    private static Arguments recipe(String name, Mint mint, long expire, Service... expected) {
        return Arguments.of(Named.of(name, mint), expire, List.of(expected));
    }

    static Stream<Arguments> recipes() {
        return Stream.of(
                recipe("rtcWithUid publisher", b -> b.rtcWithUid("room-1", 2882341273L, RtcRole.PUBLISHER, 3600),
                        3600, new Service.Rtc("room-1", "2882341273", publisher(3600))),
                recipe("rtcWithUid subscriber", b -> b.rtcWithUid("room-1", 42, RtcRole.SUBSCRIBER, 600),
                        600, new Service.Rtc("room-1", "42", subscriber(600))),
                recipe("rtcWithUid uid 0 is written as \"\"", b -> b.rtcWithUid("lobby", 0, RtcRole.PUBLISHER, 60),
                        60, new Service.Rtc("lobby", "", publisher(60))),
                recipe("rtcWithUid uid 4294967295", b -> b.rtcWithUid("c", 4_294_967_295L, RtcRole.SUBSCRIBER, 1),
                        1, new Service.Rtc("c", "4294967295", subscriber(1))),
                recipe("rtcWithAccount publisher", b -> b.rtcWithAccount("room 2", "alice@example", RtcRole.PUBLISHER, 86_400),
                        86_400, new Service.Rtc("room 2", "alice@example", publisher(86_400))),
                recipe("rtcWithAccount subscriber", b -> b.rtcWithAccount("room 2", "bob", RtcRole.SUBSCRIBER, 7200),
                        7200, new Service.Rtc("room 2", "bob", subscriber(7200))),
                recipe("rtcWithUidAndPrivilegeExpiries",
                        b -> b.rtcWithUidAndPrivilegeExpiries("stage", 7, new PrivilegeExpiries(3600, 3000, 600, 300, 60)),
                        3600, new Service.Rtc("stage", "7", privileges(1, 3000, 2, 600, 3, 300, 4, 60))),
                recipe("rtcWithUidAndPrivilegeExpiries uid 0, uniform",
                        b -> b.rtcWithUidAndPrivilegeExpiries("stage", 0, PrivilegeExpiries.uniform(900)),
                        900, new Service.Rtc("stage", "", publisher(900))),
                recipe("rtcWithAccountAndPrivilegeExpiries",
                        b -> b.rtcWithAccountAndPrivilegeExpiries("stage", "guest-9", new PrivilegeExpiries(100, 100, 1, 99, 50)),
                        100, new Service.Rtc("stage", "guest-9", privileges(1, 100, 2, 1, 3, 99, 4, 50))),
                recipe("rtm", b -> b.rtm("test_user", 600),
                        600, new Service.Rtm("test_user", privileges(1, 600))),
                recipe("rtmWithStreamChannel", b -> b.rtmWithStreamChannel("user-1", "stream-1", 1800),
                        1800, new Service.Rtc("stream-1", "user-1", privileges(1, 1800, 4, 1800)),
                        new Service.Rtm("user-1", privileges(1, 1800))),
                recipe("rtmWithStreamChannel wildcard channel", b -> b.rtmWithStreamChannel("user-1", "*", 1800),
                        1800, new Service.Rtc("*", "user-1", privileges(1, 1800, 4, 1800)),
                        new Service.Rtm("user-1", privileges(1, 1800))),
                recipe("rtcAndRtm publisher", b -> b.rtcAndRtm("room-3", "carol", RtcRole.PUBLISHER, 1200),
                        1200, new Service.Rtc("room-3", "carol", publisher(1200)),
                        new Service.Rtm("carol", privileges(1, 1200))),
                recipe("rtcAndRtm subscriber", b -> b.rtcAndRtm("room-3", "dave", RtcRole.SUBSCRIBER, 1200),
                        1200, new Service.Rtc("room-3", "dave", subscriber(1200)),
                        new Service.Rtm("dave", privileges(1, 1200))),
                recipe("chatUser", b -> b.chatUser("2882341273", 600),
                        600, new Service.Chat("2882341273", privileges(1, 600))),
                recipe("chatApp", b -> b.chatApp(600),
                        600, new Service.Chat("", privileges(2, 600))));
    }

    private static final Service RTC = new Service.Rtc("chan", "12345", privileges(1, 100, 3, 300));
    private static final Service RTM = new Service.Rtm("user", privileges(1, 500));
    private static final Service STREAMING = new Service.Streaming("live", "anchor", privileges(1, 10, 2, 20));
    private static final Service FPA = new Service.Fpa(privileges(1, 3600));
    private static final Service CHAT = new Service.Chat("chatter", privileges(1, 3600));
    private static final Service FCDN = new Service.Fcdn("cdn-chan", "viewer", privileges(1, 30, 2, 40));
    private static final Service APAAS =
            new Service.Apaas("room-uuid-1", "user-uuid-2", (short) -2, privileges(1, 5, 2, 6, 3, 7));

    static Stream<Arguments> genericBuilds() {
        return Stream.of(
                recipe("RTC", b -> b.build(3600, RTC), 3600, RTC),
                recipe("RTM", b -> b.build(3600, RTM), 3600, RTM),
                recipe("Streaming", b -> b.build(3600, STREAMING), 3600, STREAMING),
                recipe("FPA (no fields)", b -> b.build(3600, FPA), 3600, FPA),
                recipe("Chat", b -> b.build(3600, CHAT), 3600, CHAT),
                recipe("FCDN", b -> b.build(3600, FCDN), 3600, FCDN),
                recipe("APaaS role -2", b -> b.build(3600, APAAS), 3600, APAAS),
                recipe("APaaS role -32768",
                        b -> b.build(60, new Service.Apaas("r", "u", Short.MIN_VALUE, privileges(3, 60))),
                        60, new Service.Apaas("r", "u", Short.MIN_VALUE, privileges(3, 60))),
                recipe("APaaS role 32767, empty uuids",
                        b -> b.build(60, new Service.Apaas("", "", Short.MAX_VALUE, privileges(2, 60))),
                        60, new Service.Apaas("", "", Short.MAX_VALUE, privileges(2, 60))),
                recipe("all seven services given out of order",
                        b -> b.build(86_400, APAAS, CHAT, RTC, FCDN, RTM, FPA, STREAMING),
                        86_400, RTC, RTM, STREAMING, FPA, CHAT, FCDN, APAAS),
                recipe("RTM then RTC (reversed)", b -> b.build(5, RTM, RTC), 5, RTC, RTM),
                recipe("privileges with ids 0 and 65535, values 0 and 4294967295",
                        b -> b.build(5, new Service.Fpa(privileges(65535, 0xFFFF_FFFFL, 0, 0))),
                        5, new Service.Fpa(privileges(0, 0, 65535, 0xFFFF_FFFFL))),
                recipe("non-ASCII field via generic build",
                        b -> b.build(5, new Service.Rtm("üser-é-😀", privileges(1, 5))),
                        5, new Service.Rtm("üser-é-😀", privileges(1, 5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void recipeRoundTrips(Mint mint, long expire, List<Service> expected) throws Exception {
        assertRoundTrip(mint.mint(TokenFixtures.builder()), expire, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("genericBuilds")
    void genericBuildRoundTrips(Mint mint, long expire, List<Service> expected) throws Exception {
        assertRoundTrip(mint.mint(TokenFixtures.builder()), expire, expected);
    }

    /** Checks every decoded field, the exact bytes against the format document, and verification. */
    static void assertRoundTrip(String token, long expire, List<Service> expected) throws Exception {
        assertRoundTrip(token, expire, SALT_U32, expected);
    }

    static void assertRoundTrip(String token, long expire, long salt, List<Service> expected) throws Exception {
        assertTrue(token.startsWith("007eJ"), "a zlib stream at the default level starts 78 9C: " + token);

        AccessToken2 decoded = assertInstanceOf(AccessToken2.class, TokenDecoder.decode(token));
        assertEquals("007", decoded.version());
        assertEquals(APP_ID, decoded.appId());
        assertEquals(NOW, decoded.issueTs(), "issueTs is the clock's whole seconds");
        assertEquals(expire, decoded.expire());
        assertEquals(salt, decoded.salt(), "salt is the supplier's int read as unsigned");
        assertEquals(NOW + expire, decoded.expiresAt());
        assertEquals(expected, decoded.services());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).privileges().asMap(), decoded.services().get(i).privileges().asMap(),
                    "privileges of service " + i);
        }
        for (int i = 1; i < decoded.services().size(); i++) {
            assertTrue(decoded.services().get(i - 1).type().id() < decoded.services().get(i).type().id(),
                    "services in ascending type order: " + decoded.services());
        }
        assertEquals(decoded.toString(), TokenDecoder.decodeAccessToken2(token).toString(),
                "decodeAccessToken2 reads the same fields");

        // Independent oracle: the bytes the format document prescribes, signed as it prescribes.
        byte[] info = TokenBytes.signingInfo(APP_ID, NOW, expire, salt, expected);
        byte[] signature = TokenBytes.signature007(CERTIFICATE, NOW, salt, info);
        assertArrayEquals(TokenBytes.content(signature, info), TokenBytes.inflate007(token),
                "inflated token = bytes(signature) + signingInfo as documented");
        assertArrayEquals(signature, decoded.signature());

        TokenFixtures.verifierAt(NOW).verify(decoded);
        TokenFixtures.verifierAt(NOW + expire - 1).verify(decoded);
        assertThrows(TokenExpiredException.class, () -> TokenFixtures.verifierAt(NOW + expire).verify(decoded));
    }

    @Test
    void serviceLookupByKind() throws Exception {
        AccessToken2 token = TokenDecoder.decodeAccessToken2(
                TokenFixtures.builder().rtmWithStreamChannel("u1", "c1", 60));
        assertEquals("c1", token.service(Service.Rtc.class).orElseThrow().channelName());
        assertEquals("u1", token.service(Service.Rtm.class).orElseThrow().userId());
        assertTrue(token.service(Service.Chat.class).isEmpty());
    }

    @Test
    void decodedSignatureIsACopy() throws Exception {
        AccessToken2 token = TokenDecoder.decodeAccessToken2(TokenFixtures.builder().rtm("u", 60));
        byte[] signature = token.signature();
        Arrays.fill(signature, (byte) 0);
        assertNotEquals(0, token.signature()[0] | token.signature()[1] | token.signature()[2]);
        TokenFixtures.verifierAt(NOW).verify(token);
    }

    // --- 006 ---------------------------------------------------------------------------------

    /** Builds one 006 token with the frozen builder. */
    @FunctionalInterface
    interface Mint006 {
        String mint(AccessToken006Builder builder) throws Exception;
    }

    private static Arguments recipe006(String name, Mint006 mint, String channelSlot, String uidSlot,
                                       Privileges expected) {
        return Arguments.of(Named.of(name, mint), channelSlot, uidSlot, expected);
    }

    static Stream<Arguments> recipes006() {
        long at = NOW + 3600;
        return Stream.of(
                recipe006("rtcWithUid publisher", b -> b.rtcWithUid("room-1", 2882341273L, RtcRole.PUBLISHER, 3600),
                        "room-1", "2882341273",
                        Privileges.fromMap(Map.of(1, at, 2, at, 3, at, 4, at))),
                recipe006("rtcWithUid subscriber", b -> b.rtcWithUid("room-1", 2882341273L, RtcRole.SUBSCRIBER, 3600),
                        "room-1", "2882341273", Privileges.of(1, at)),
                recipe006("rtcWithUid uid 0", b -> b.rtcWithUid("room-1", 0, RtcRole.SUBSCRIBER, 3600),
                        "room-1", "", Privileges.of(1, at)),
                recipe006("rtcWithAccount publisher", b -> b.rtcWithAccount("room 2", "alice", RtcRole.PUBLISHER, 3600),
                        "room 2", "alice", Privileges.fromMap(Map.of(1, at, 2, at, 3, at, 4, at))),
                recipe006("rtm: user id in the channel slot, uid empty", b -> b.rtm("test_user", 3600),
                        "test_user", "", Privileges.of(1000, at)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes006")
    void recipe006RoundTrips(Mint006 mint, String channelSlot, String uidSlot, Privileges expected)
            throws Exception {
        String token = mint.mint(TokenFixtures.builder006());
        assertRoundTrip006(token, channelSlot, uidSlot, NOW, SALT_U32, expected);
    }

    static void assertRoundTrip006(String token, String channelSlot, String uidSlot, long now, long salt,
                                   Privileges expected) throws Exception {
        assertTrue(token.startsWith("006" + APP_ID), token);
        AccessToken006 decoded = assertInstanceOf(AccessToken006.class, TokenDecoder.decode(token));
        assertEquals("006", decoded.version());
        assertEquals(APP_ID, decoded.appId());
        assertEquals(salt, decoded.salt());
        assertEquals(now + 86_400, decoded.ts(), "ts = now + 24 h");
        assertEquals(now + 86_400, decoded.expiresAt());
        assertEquals(crc32(channelSlot), decoded.channelNameCrc());
        assertEquals(crc32(uidSlot), decoded.uidCrc());
        assertEquals(expected.asMap(), decoded.privileges().asMap(), "absolute expiry times");

        // Independent oracle for the signature.
        byte[] message = new TokenBytes.Wire().u32(salt).u32(now + 86_400)
                .privileges(expected.asMap()).toByteArray();
        byte[] signature = TokenBytes.hmac(CERTIFICATE.getBytes(), APP_ID.getBytes(),
                channelSlot.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                uidSlot.getBytes(java.nio.charset.StandardCharsets.UTF_8), message);
        assertArrayEquals(signature, decoded.signature());
        byte[] content = new TokenBytes.Wire().bytes(signature).u32(crc32(channelSlot)).u32(crc32(uidSlot))
                .bytes(message).toByteArray();
        assertEquals("006" + APP_ID + TokenBytes.base64(content), token);

        TokenFixtures.verifierAt(now).verify(decoded, channelSlot, uidSlot);
        TokenFixtures.verifierAt(now + 86_399).verify(decoded, channelSlot, uidSlot);
        assertThrows(TokenExpiredException.class,
                () -> TokenFixtures.verifierAt(now + 86_400).verify(decoded, channelSlot, uidSlot));
    }

    static long crc32(String value) {
        CRC32 crc = new CRC32();
        crc.update(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }

    // --- production defaults -----------------------------------------------------------------

    @Test
    void defaultBuilderUsesSystemClockAndFreshRandomSalt() throws Exception {
        AccessToken2Builder builder = new AccessToken2Builder(APP_ID, CERTIFICATE);
        long before = System.currentTimeMillis() / 1000;
        String first = builder.rtcWithUid("room", 1, RtcRole.PUBLISHER, 600);
        String second = builder.rtcWithUid("room", 1, RtcRole.PUBLISHER, 600);
        long after = System.currentTimeMillis() / 1000;

        AccessToken2 a = TokenDecoder.decodeAccessToken2(first);
        AccessToken2 b = TokenDecoder.decodeAccessToken2(second);
        for (AccessToken2 token : List.of(a, b)) {
            assertTrue(token.issueTs() >= before - 2 && token.issueTs() <= after + 2,
                    "issueTs " + token.issueTs() + " within 2 s of now " + before + ".." + after);
            assertTrue(token.salt() >= 1 && token.salt() <= 99_999_999, "salt in 1..99999999: " + token.salt());
            new TokenVerifier(APP_ID, CERTIFICATE).verify(token);
        }
        assertNotEquals(a.salt(), b.salt(), "each token gets a fresh salt");
        assertNotEquals(first, second);
    }

    @Test
    void default006BuilderUsesSystemClockAndFreshRandomSalt() throws Exception {
        AccessToken006Builder builder = new AccessToken006Builder(APP_ID, CERTIFICATE);
        long before = System.currentTimeMillis() / 1000;
        AccessToken006 a = (AccessToken006) TokenDecoder.decode(builder.rtm("u", 600));
        AccessToken006 b = (AccessToken006) TokenDecoder.decode(builder.rtm("u", 600));
        long after = System.currentTimeMillis() / 1000;
        for (AccessToken006 token : List.of(a, b)) {
            assertTrue(token.ts() >= before + 86_400 - 2 && token.ts() <= after + 86_400 + 2, "ts " + token.ts());
            long rtmLogin = token.privileges().get(AccessToken006.RTM_LOGIN);
            assertTrue(rtmLogin >= before + 600 - 2 && rtmLogin <= after + 600 + 2, "privilege 1000 " + rtmLogin);
            new TokenVerifier(APP_ID, CERTIFICATE).verify(token, "u", "");
        }
        assertNotEquals(a.salt(), b.salt());
    }
}
