package dev.agoratoken.token;

import static dev.agoratoken.token.TokenFixtures.APP_ID;
import static dev.agoratoken.token.TokenFixtures.CERTIFICATE;
import static dev.agoratoken.token.TokenFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The limits of {@link TokenInputs}, reached through the public builders: the last accepted
 * value, the first refused one, and the parameter each refusal names.
 */
class InputValidationTest {
    private static final String C64 = "c".repeat(64);
    private static final String A255 = "a".repeat(255);
    private static final String U64 = "u".repeat(64);

    @FunctionalInterface
    interface Call {
        Object call() throws Exception;
    }

    private static AccessToken2Builder b() throws InvalidTokenParameterException {
        return TokenFixtures.builder();
    }

    private static AccessToken006Builder b6() throws InvalidTokenParameterException {
        return TokenFixtures.builder006();
    }

    private static Service.Rtc decodedRtc(String token) throws MalformedTokenException {
        return TokenDecoder.decodeAccessToken2(token).service(Service.Rtc.class).orElseThrow();
    }

    private static Arguments refused(String name, String parameter, Call call) {
        return Arguments.of(Named.of(name, call), parameter);
    }

    static Stream<Arguments> refusedInputs() {
        PrivilegeExpiries ok = PrivilegeExpiries.uniform(600);
        List<Arguments> out = new ArrayList<>(List.of(
                // uid
                refused("uid 4294967296", "uid", () -> b().rtcWithUid("c", 4_294_967_296L, RtcRole.PUBLISHER, 600)),
                refused("uid -1", "uid", () -> b().rtcWithUid("c", -1, RtcRole.PUBLISHER, 600)),
                refused("uid Long.MAX_VALUE", "uid", () -> b().rtcWithUid("c", Long.MAX_VALUE, RtcRole.SUBSCRIBER, 600)),
                refused("uid Long.MIN_VALUE", "uid", () -> b().rtcWithUid("c", Long.MIN_VALUE, RtcRole.SUBSCRIBER, 600)),
                refused("uid 4294967296 with privilege expiries", "uid",
                        () -> b().rtcWithUidAndPrivilegeExpiries("c", 4_294_967_296L, ok)),
                refused("006 uid 4294967296", "uid", () -> b6().rtcWithUid("c", 4_294_967_296L, RtcRole.PUBLISHER, 600)),
                refused("006 uid -1", "uid", () -> b6().rtcWithUid("c", -1, RtcRole.PUBLISHER, 600)),
                // channel name
                refused("channel of 65 bytes", "channelName", () -> b().rtcWithUid(C64 + "c", 1, RtcRole.PUBLISHER, 600)),
                refused("empty channel", "channelName", () -> b().rtcWithUid("", 1, RtcRole.PUBLISHER, 600)),
                refused("null channel", "channelName", () -> b().rtcWithUid(null, 1, RtcRole.PUBLISHER, 600)),
                refused("account token, empty channel", "channelName",
                        () -> b().rtcWithAccount("", "a", RtcRole.PUBLISHER, 600)),
                refused("privilege expiries, channel of 65 bytes", "channelName",
                        () -> b().rtcWithUidAndPrivilegeExpiries(C64 + "c", 1, ok)),
                refused("rtcAndRtm, channel of 65 bytes", "channelName",
                        () -> b().rtcAndRtm(C64 + "c", "a", RtcRole.PUBLISHER, 600)),
                refused("stream channel of 65 bytes", "channelName", () -> b().rtmWithStreamChannel("u", C64 + "*", 600)),
                refused("empty stream channel", "channelName", () -> b().rtmWithStreamChannel("u", "", 600)),
                refused("006 channel of 65 bytes", "channelName",
                        () -> b6().rtcWithUid(C64 + "c", 1, RtcRole.PUBLISHER, 600)),
                refused("006 empty channel", "channelName", () -> b6().rtcWithUid("", 1, RtcRole.PUBLISHER, 600)),
                // account
                refused("account of 256 bytes", "account", () -> b().rtcWithAccount("c", A255 + "a", RtcRole.PUBLISHER, 600)),
                refused("empty account", "account", () -> b().rtcWithAccount("c", "", RtcRole.PUBLISHER, 600)),
                refused("null account", "account", () -> b().rtcWithAccount("c", null, RtcRole.PUBLISHER, 600)),
                refused("privilege expiries, account of 256 bytes", "account",
                        () -> b().rtcWithAccountAndPrivilegeExpiries("c", A255 + "a", ok)),
                refused("rtcAndRtm, account of 256 bytes", "account",
                        () -> b().rtcAndRtm("c", A255 + "a", RtcRole.PUBLISHER, 600)),
                refused("006 account of 256 bytes", "account",
                        () -> b6().rtcWithAccount("c", A255 + "a", RtcRole.PUBLISHER, 600)),
                // user id
                refused("RTM user id of 65 bytes", "userId", () -> b().rtm(U64 + "u", 600)),
                refused("empty RTM user id", "userId", () -> b().rtm("", 600)),
                refused("stream channel user id of 65 bytes", "userId", () -> b().rtmWithStreamChannel(U64 + "u", "c", 600)),
                refused("chat user id of 65 bytes", "userId", () -> b().chatUser(U64 + "u", 600)),
                refused("empty chat user id", "userId", () -> b().chatUser("", 600)),
                refused("006 RTM user id of 65 bytes", "userId", () -> b6().rtm(U64 + "u", 600)),
                // expiry
                refused("expire 0", "expire", () -> b().rtcWithUid("c", 1, RtcRole.PUBLISHER, 0)),
                refused("expire 86401", "expire", () -> b().rtcWithUid("c", 1, RtcRole.PUBLISHER, 86_401)),
                refused("expire -1", "expire", () -> b().rtcWithAccount("c", "a", RtcRole.SUBSCRIBER, -1)),
                refused("expire Integer.MIN_VALUE", "expire", () -> b().rtm("u", Integer.MIN_VALUE)),
                refused("expire Integer.MAX_VALUE", "expire", () -> b().rtm("u", Integer.MAX_VALUE)),
                refused("rtmWithStreamChannel expire 86401", "expire", () -> b().rtmWithStreamChannel("u", "c", 86_401)),
                refused("rtcAndRtm expire 0", "expire", () -> b().rtcAndRtm("c", "a", RtcRole.PUBLISHER, 0)),
                refused("chatUser expire 86401", "expire", () -> b().chatUser("u", 86_401)),
                refused("chatApp expire 0", "expire", () -> b().chatApp(0)),
                refused("chatApp expire 86401", "expire", () -> b().chatApp(86_401)),
                refused("generic build expire 0", "expire",
                        () -> b().build(0, new Service.Fpa(Privileges.of(1, 1)))),
                refused("generic build expire 86401", "expire",
                        () -> b().build(86_401, new Service.Fpa(Privileges.of(1, 1)))),
                refused("006 expire 0", "expire", () -> b6().rtcWithUid("c", 1, RtcRole.PUBLISHER, 0)),
                refused("006 expire 86401", "expire", () -> b6().rtm("u", 86_401)),
                // per-privilege expiries
                refused("token expire 86401 with privilege expiries", "expire",
                        () -> b().rtcWithUidAndPrivilegeExpiries("c", 1, PrivilegeExpiries.uniform(86_401))),
                refused("join expiry longer than the token", "joinExpire",
                        () -> b().rtcWithUidAndPrivilegeExpiries("c", 1, new PrivilegeExpiries(600, 601, 600, 600, 600))),
                refused("audio expiry longer than the token", "audioExpire",
                        () -> b().rtcWithUidAndPrivilegeExpiries("c", 1, new PrivilegeExpiries(600, 600, 601, 600, 600))),
                refused("video expiry longer than the token", "videoExpire",
                        () -> b().rtcWithAccountAndPrivilegeExpiries("c", "a", new PrivilegeExpiries(600, 600, 600, 601, 600))),
                refused("data expiry longer than the token", "dataExpire",
                        () -> b().rtcWithAccountAndPrivilegeExpiries("c", "a", new PrivilegeExpiries(600, 600, 600, 600, 601))),
                refused("join expiry 0", "joinExpire",
                        () -> b().rtcWithUidAndPrivilegeExpiries("c", 1, new PrivilegeExpiries(600, 0, 600, 600, 600))),
                refused("data expiry -1", "dataExpire",
                        () -> b().rtcWithUidAndPrivilegeExpiries("c", 1, new PrivilegeExpiries(600, 600, 600, 600, -1))),
                // generic build
                refused("generic build with no service", "services", () -> b().build(600)),
                refused("generic build with a service type twice", "services", () -> b().build(600,
                        new Service.Rtm("a", Privileges.of(1, 1)), new Service.Chat("c", Privileges.of(1, 1)),
                        new Service.Rtm("b", Privileges.of(1, 1)))),
                refused("generic build RTC channel of 256 bytes", "channelName",
                        () -> b().build(600, new Service.Rtc(A255 + "c", "", Privileges.of(1, 1)))),
                refused("generic build RTC uid of 256 bytes", "uid",
                        () -> b().build(600, new Service.Rtc("c", A255 + "1", Privileges.of(1, 1)))),
                refused("generic build RTM user id of 256 UTF-8 bytes (128 × 'é')", "userId",
                        () -> b().build(600, new Service.Rtm("é".repeat(128), Privileges.of(1, 1)))),
                refused("generic build Streaming account of 256 bytes", "account",
                        () -> b().build(600, new Service.Streaming("c", A255 + "a", Privileges.of(1, 1)))),
                refused("generic build FCDN channel of 256 bytes", "channelName",
                        () -> b().build(600, new Service.Fcdn(A255 + "c", "a", Privileges.of(1, 1)))),
                refused("generic build APaaS room uuid of 256 bytes", "roomUuid",
                        () -> b().build(600, new Service.Apaas(A255 + "r", "u", (short) 0, Privileges.of(1, 1)))),
                refused("generic build APaaS user uuid of 256 bytes", "userUuid",
                        () -> b().build(600, new Service.Apaas("r", A255 + "u", (short) 0, Privileges.of(1, 1)))),
                refused("generic build Chat user id of 256 bytes", "userId",
                        () -> b().build(600, new Service.Chat(A255 + "u", Privileges.of(1, 1)))),
                refused("006 generic build, channel of 256 bytes", "channelName",
                        () -> b6().build(A255 + "c", "", Privileges.of(1, 1)))));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("refusedInputs")
    void refusedAndNamed(Call call, String parameter) {
        InvalidTokenParameterException e = assertThrows(InvalidTokenParameterException.class, call::call);
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertFalse(e.getMessage().contains(CERTIFICATE), e.getMessage());
    }

    // --- the last accepted values ---------------------------------------------------------------

    @Test
    void largestUidIsAcceptedAndWrittenInFull() throws Exception {
        assertEquals("4294967295", decodedRtc(b().rtcWithUid("c", 4_294_967_295L, RtcRole.PUBLISHER, 600)).uid());
        assertEquals("4294967295", decodedRtc(b().rtcWithUidAndPrivilegeExpiries("c", 4_294_967_295L,
                PrivilegeExpiries.uniform(600))).uid());
        AccessToken006 token006 = (AccessToken006) TokenDecoder.decode(
                b6().rtcWithUid("c", 4_294_967_295L, RtcRole.PUBLISHER, 600));
        assertEquals(RoundTripTest.crc32("4294967295"), token006.uidCrc());
        TokenFixtures.verifierAt(TokenFixtures.NOW).verify(token006, "c", "4294967295");
    }

    @Test
    void uidZeroIsWrittenAsEmpty() throws Exception {
        assertEquals("", decodedRtc(b().rtcWithUid("c", 0, RtcRole.SUBSCRIBER, 600)).uid());
        assertEquals("", decodedRtc(b().rtcWithUidAndPrivilegeExpiries("c", 0, PrivilegeExpiries.uniform(9))).uid());
        AccessToken006 token006 = (AccessToken006) TokenDecoder.decode(b6().rtcWithUid("c", 0, RtcRole.PUBLISHER, 600));
        assertEquals(RoundTripTest.crc32(""), token006.uidCrc());
    }

    @Test
    void longestFieldsAreAccepted() throws Exception {
        assertEquals(C64, decodedRtc(b().rtcWithUid(C64, 1, RtcRole.PUBLISHER, 600)).channelName());
        assertEquals(C64, decodedRtc(b().rtmWithStreamChannel("u", C64, 600)).channelName());
        assertEquals(A255, decodedRtc(b().rtcWithAccount("c", A255, RtcRole.PUBLISHER, 600)).uid());
        assertEquals(A255, decodedRtc(b().rtcAndRtm("c", A255, RtcRole.PUBLISHER, 600)).uid());
        assertEquals(U64, TokenDecoder.decodeAccessToken2(b().rtm(U64, 600))
                .service(Service.Rtm.class).orElseThrow().userId());
        assertEquals(U64, TokenDecoder.decodeAccessToken2(b().chatUser(U64, 600))
                .service(Service.Chat.class).orElseThrow().userId());
        assertEquals(A255, TokenDecoder.decodeAccessToken2(b().build(600, new Service.Rtm(A255, Privileges.of(1, 1))))
                .service(Service.Rtm.class).orElseThrow().userId());
        assertEquals(RoundTripTest.crc32(U64),
                ((AccessToken006) TokenDecoder.decode(b6().rtm(U64, 600))).channelNameCrc());
        assertEquals(RoundTripTest.crc32(A255),
                ((AccessToken006) TokenDecoder.decode(b6().rtcWithAccount(C64, A255, RtcRole.PUBLISHER, 600))).uidCrc());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 86_400})
    void shortestAndLongestLifetimesAreAccepted(int expire) throws Exception {
        assertEquals(expire, TokenDecoder.decodeAccessToken2(b().rtcWithUid("c", 1, RtcRole.PUBLISHER, expire)).expire());
        assertEquals(expire, TokenDecoder.decodeAccessToken2(b().chatApp(expire)).expire());
        assertEquals(expire, TokenDecoder.decodeAccessToken2(
                b().rtcWithUidAndPrivilegeExpiries("c", 1, PrivilegeExpiries.uniform(expire))).expire());
        AccessToken006 token006 = (AccessToken006) TokenDecoder.decode(b6().rtm("u", expire));
        assertEquals(TokenFixtures.NOW + expire, token006.privileges().get(AccessToken006.RTM_LOGIN));
    }

    @Test
    void privilegeExpiryEqualToTheTokenIsAccepted() throws Exception {
        Privileges p = decodedRtc(b().rtcWithUidAndPrivilegeExpiries("c", 1, new PrivilegeExpiries(600, 600, 1, 600, 1)))
                .privileges();
        assertEquals(java.util.Map.of(1, 600L, 2, 1L, 3, 600L, 4, 1L), p.asMap());
    }

    @Test
    void everyAllowedCharacterIsAccepted() throws Exception {
        String punctuation = TokenInputs.ALLOWED_PUNCTUATION;
        assertEquals(punctuation, decodedRtc(b().rtcWithUid(punctuation, 1, RtcRole.PUBLISHER, 600)).channelName());
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        assertEquals(letters, decodedRtc(b().rtcWithUid(letters, 1, RtcRole.PUBLISHER, 600)).channelName());
        assertEquals(TokenFixtures.ALLOWED, decodedRtc(b().rtcWithAccount("c", TokenFixtures.ALLOWED,
                RtcRole.PUBLISHER, 600)).uid());
    }

    // --- characters -----------------------------------------------------------------------------

    static Stream<Arguments> disallowedCharacters() {
        return Stream.of("*", "/", "\\", "\"", "'", "`", "é", "😀", "\t", "\n", "\r", "\0", "\u007F", "\u00A0",
                "ｃ").map(s -> Arguments.of(Named.of(printable(s), s)));
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(cp >= 0x21 && cp < 0x7F ? Character.toString(cp)
                : String.format("U+%04X", cp)));
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disallowedCharacters")
    void disallowedCharacterIsRefusedEverywhere(String bad) throws Exception {
        String value = "ok" + bad + "ok";
        assertNamed("channelName", () -> b().rtcWithUid(value, 1, RtcRole.PUBLISHER, 600));
        assertNamed("channelName", () -> b().rtcAndRtm(value, "a", RtcRole.PUBLISHER, 600));
        assertNamed("channelName", () -> b6().rtcWithUid(value, 1, RtcRole.PUBLISHER, 600));
        assertNamed("account", () -> b().rtcWithAccount("c", value, RtcRole.PUBLISHER, 600));
        assertNamed("account", () -> b().rtcWithAccountAndPrivilegeExpiries("c", value, PrivilegeExpiries.uniform(9)));
        assertNamed("account", () -> b6().rtcWithAccount("c", value, RtcRole.PUBLISHER, 600));
        assertNamed("userId", () -> b().rtm(value, 600));
        assertNamed("userId", () -> b().chatUser(value, 600));
        assertNamed("userId", () -> b().rtmWithStreamChannel(value, "c", 600));
        assertNamed("userId", () -> b6().rtm(value, 600));
        if (!bad.equals("*")) {
            assertNamed("channelName", () -> b().rtmWithStreamChannel("u", value, 600));
        }
    }

    @Test
    void wildcardIsOnlyAStreamChannelCharacter() throws Exception {
        assertEquals("*", decodedRtc(b().rtmWithStreamChannel("u", "*", 600)).channelName());
        assertEquals("news-*", decodedRtc(b().rtmWithStreamChannel("u", "news-*", 600)).channelName());
        assertNamed("channelName", () -> b().rtcWithUid("*", 1, RtcRole.PUBLISHER, 600));
        assertNamed("userId", () -> b().rtmWithStreamChannel("*", "c", 600));
    }

    private static void assertNamed(String parameter, Call call) {
        InvalidTokenParameterException e = assertThrows(InvalidTokenParameterException.class, call::call);
        assertEquals(parameter, e.parameter(), e.getMessage());
    }

    // --- App ID and App Certificate -------------------------------------------------------------

    static Stream<Arguments> badCredentials() {
        return Stream.of(
                Arguments.of(Named.of("31 characters", "5CFd2fd1755d40ecb72977518be15d3")),
                Arguments.of(Named.of("33 characters", "5CFd2fd1755d40ecb72977518be15d3b0")),
                Arguments.of(Named.of("non-hex 'g' at the end", "5CFd2fd1755d40ecb72977518be15d3g")),
                Arguments.of(Named.of("non-hex 'z' at the start", "zCFd2fd1755d40ecb72977518be15d3b")),
                Arguments.of(Named.of("a space inside", "5CFd2fd1755d40ec 2977518be15d3b")),
                Arguments.of(Named.of("fullwidth digits", "５CFd2fd1755d40ecb72977518be15d3b")),
                Arguments.of(Named.of("Arabic-Indic digit", "5CFd2fd1755d40ecb72977518be15d٣b")),
                Arguments.of(Named.of("empty", "")),
                Arguments.of(Named.of("null", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void badCertificateIsRefusedWithoutEchoingIt(String certificate) {
        List<Call> constructors = List.of(
                () -> new AccessToken2Builder(APP_ID, certificate),
                () -> new AccessToken2Builder(APP_ID, certificate, CLOCK, () -> 1),
                () -> new AccessToken006Builder(APP_ID, certificate),
                () -> new AccessToken006Builder(APP_ID, certificate, CLOCK, () -> 1),
                () -> new TokenVerifier(APP_ID, certificate),
                () -> new TokenVerifier(APP_ID, certificate, CLOCK),
                () -> TokenInputs.appCertificate(certificate));
        for (Call constructor : constructors) {
            InvalidTokenParameterException e = assertThrows(InvalidTokenParameterException.class, constructor::call);
            assertEquals("appCertificate", e.parameter());
            assertDoesNotEcho(certificate, e.getMessage());
            assertDoesNotEcho(certificate, e.toString());
        }
    }

    /** Not the value, and not any 6-character piece of it either: it may be the real secret with a typo. */
    private static void assertDoesNotEcho(String secret, String message) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        for (int i = 0; i + 6 <= secret.length(); i++) {
            String piece = secret.substring(i, i + 6);
            assertFalse(message.contains(piece), () -> "message echoes \"" + piece + "\": " + message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void badAppIdIsRefused(String appId) {
        List<Call> constructors = List.of(
                () -> new AccessToken2Builder(appId, CERTIFICATE),
                () -> new AccessToken2Builder(appId, CERTIFICATE, CLOCK, () -> 1),
                () -> new AccessToken006Builder(appId, CERTIFICATE),
                () -> new TokenVerifier(appId, CERTIFICATE, CLOCK),
                () -> TokenInputs.appId(appId));
        for (Call constructor : constructors) {
            InvalidTokenParameterException e = assertThrows(InvalidTokenParameterException.class, constructor::call);
            assertEquals("appId", e.parameter());
            assertDoesNotEcho(CERTIFICATE, e.getMessage());
        }
    }

    @Test
    void credentialsAreAcceptedInEitherCase() throws Exception {
        new AccessToken2Builder(APP_ID.toUpperCase(), CERTIFICATE.toLowerCase());
        new TokenVerifier("ABCDEF0123456789abcdef0123456789", "0123456789ABCDEFabcdef0123456789");
    }

    @Test
    void toStringNeverShowsTheCertificate() throws Exception {
        for (Object o : List.of(b(), b6(), new TokenVerifier(APP_ID, CERTIFICATE))) {
            assertFalse(o.toString().contains(CERTIFICATE), o.toString());
            assertEquals(true, o.toString().contains(APP_ID), o.toString());
        }
    }
}
