package dev.agoratoken.token;

import static dev.agoratoken.token.TokenFixtures.APP_ID;
import static dev.agoratoken.token.TokenFixtures.ONE_OF_EACH_SERVICE;
import static dev.agoratoken.token.TokenFixtures.CERTIFICATE;
import static dev.agoratoken.token.TokenFixtures.NOW;
import static dev.agoratoken.token.TokenFixtures.OTHER_APP_ID;
import static dev.agoratoken.token.TokenFixtures.OTHER_CERTIFICATE;
import static dev.agoratoken.token.TokenFixtures.clockAt;
import static dev.agoratoken.token.TokenFixtures.verifierAt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A verifier must refuse every token it did not sign, with the exception that says why: wrong
 * certificate or altered bytes → {@link SignatureMismatchException}, another project's token →
 * {@link AppIdMismatchException}, out of time → {@link TokenExpiredException} (only for a
 * genuine signature), broken structure → {@link MalformedTokenException}.
 */
class VerifyFailureTest {
    static Stream<Arguments> tokens() throws Exception {
        AccessToken2Builder b = TokenFixtures.builder();
        return Stream.of(
                Arguments.of(Named.of("rtcWithUid publisher", b.rtcWithUid("room-1", 2882341273L, RtcRole.PUBLISHER, 3600))),
                Arguments.of(Named.of("rtmWithStreamChannel", b.rtmWithStreamChannel("user-1", "stream", 600))),
                Arguments.of(Named.of("chatApp", b.chatApp(600))),
                Arguments.of(Named.of("all seven services",
                        b.build(86_400, ONE_OF_EACH_SERVICE.toArray(Service[]::new)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void wrongCertificateIsASignatureMismatch(String token) throws Exception {
        AccessToken2 decoded = TokenDecoder.decodeAccessToken2(token);
        verifierAt(NOW).verify(decoded); // the right certificate passes
        assertThrows(SignatureMismatchException.class,
                () -> new TokenVerifier(APP_ID, OTHER_CERTIFICATE, clockAt(NOW)).verify(decoded));
        // One character off, and only the case of one letter: still another certificate.
        String oneCharOff = CERTIFICATE.substring(0, 31) + (CERTIFICATE.charAt(31) == '0' ? '1' : '0');
        assertThrows(SignatureMismatchException.class,
                () -> new TokenVerifier(APP_ID, oneCharOff, clockAt(NOW)).verify(decoded));
        String caseChanged = CERTIFICATE.replace('C', 'c');
        assertThrows(SignatureMismatchException.class,
                () -> new TokenVerifier(APP_ID, caseChanged, clockAt(NOW)).verify(decoded));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void anotherProjectsVerifierReportsAppIdMismatch(String token) throws Exception {
        AccessToken2 decoded = TokenDecoder.decodeAccessToken2(token);
        AppIdMismatchException e = assertThrows(AppIdMismatchException.class,
                () -> new TokenVerifier(OTHER_APP_ID, CERTIFICATE, clockAt(NOW)).verify(decoded));
        assertEquals(APP_ID, e.tokenAppId());
        // App ID is compared exactly: the same hex in another case is another App ID.
        assertThrows(AppIdMismatchException.class,
                () -> new TokenVerifier(APP_ID.toLowerCase(), CERTIFICATE, clockAt(NOW)).verify(decoded));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void expiryIsCheckedAfterTheSignature(String token) throws Exception {
        AccessToken2 decoded = TokenDecoder.decodeAccessToken2(token);
        long expiresAt = decoded.issueTs() + decoded.expire();
        verifierAt(expiresAt - 1).verify(decoded);
        for (long at : new long[] {expiresAt, expiresAt + 1, expiresAt + 10L * 365 * 86_400}) {
            TokenExpiredException e = assertThrows(TokenExpiredException.class, () -> verifierAt(at).verify(decoded));
            assertEquals(expiresAt, e.expiredAt());
            // An expired token with a bad signature is a signature failure, not an expiry.
            assertThrows(SignatureMismatchException.class,
                    () -> new TokenVerifier(APP_ID, OTHER_CERTIFICATE, clockAt(at)).verify(decoded));
        }
    }

    @Test
    void expiredAndForgedStaysAForgery() throws Exception {
        // Forged: signed with another certificate, and long expired. The signature wins.
        AccessToken2 forged = TokenDecoder.decodeAccessToken2(
                new AccessToken2Builder(APP_ID, OTHER_CERTIFICATE, TokenFixtures.CLOCK, () -> 7).rtm("u", 1));
        assertThrows(SignatureMismatchException.class, () -> verifierAt(NOW + 100_000).verify(forged));
        assertThrows(SignatureMismatchException.class, () -> verifierAt(NOW).verify(forged));
    }

    /** Where in the inflated content a bit lies; each region has its own acceptable failures. */
    private enum Region { SIGNATURE_LENGTH, SIGNATURE, APP_ID, FIXED_FIELDS, SERVICES }

    private static Region regionOf(int byteIndex, int appIdLength) {
        int signatureStart = 2;
        int appIdStart = signatureStart + TokenBytes.SIGNATURE_LENGTH;
        int appIdEnd = appIdStart + 2 + appIdLength;
        if (byteIndex < signatureStart) {
            return Region.SIGNATURE_LENGTH;
        } else if (byteIndex < appIdStart) {
            return Region.SIGNATURE;
        } else if (byteIndex < appIdEnd) {
            return Region.APP_ID;
        } else if (byteIndex < appIdEnd + 12) {
            return Region.FIXED_FIELDS;
        }
        return Region.SERVICES;
    }

    /**
     * Flips every bit of the inflated content (signature length, signature and signing info),
     * one at a time, re-deflates and re-encodes, and decodes + verifies the result. No flip may
     * be accepted, and each must fail the way its region allows: a flipped signature or
     * timestamp is a signature mismatch; a flipped App ID is an App ID mismatch or, when the
     * byte stops being hex, malformed; a flipped length or service type is malformed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void everySingleBitFlipIsRefused(String token) throws Exception {
        byte[] content = TokenBytes.inflate007(token);
        TokenVerifier verifier = verifierAt(NOW);
        // The helper itself must be faithful: the unflipped rebuild is the very same token.
        assertEquals(token, TokenBytes.encode007(content));
        verifier.verify(TokenDecoder.decodeAccessToken2(TokenBytes.encode007(content)));

        List<String> problems = new ArrayList<>();
        int[] outcomes = new int[4];
        for (int bit = 0; bit < content.length * 8; bit++) {
            Region region = regionOf(bit / 8, APP_ID.length());
            String flipped = TokenBytes.encode007(TokenBytes.flipBit(content, bit));
            Class<? extends Throwable> outcome;
            try {
                verifier.verify(TokenDecoder.decodeAccessToken2(flipped));
                problems.add("bit " + bit + " (" + region + "): ACCEPTED");
                continue;
            } catch (SignatureMismatchException e) {
                outcome = e.getClass();
                outcomes[0]++;
            } catch (AppIdMismatchException e) {
                outcome = e.getClass();
                outcomes[1]++;
            } catch (MalformedTokenException e) {
                outcome = e.getClass();
                outcomes[2]++;
            } catch (Throwable e) {
                problems.add("bit " + bit + " (" + region + "): unexpected " + e);
                continue;
            }
            boolean allowed = switch (region) {
                case SIGNATURE_LENGTH -> outcome == MalformedTokenException.class;
                case SIGNATURE, FIXED_FIELDS -> outcome == SignatureMismatchException.class;
                case APP_ID -> bit / 8 < 2 + TokenBytes.SIGNATURE_LENGTH + 2
                        ? outcome == MalformedTokenException.class // the App ID's length prefix
                        : outcome == AppIdMismatchException.class || outcome == MalformedTokenException.class;
                case SERVICES -> outcome == SignatureMismatchException.class
                        || MalformedTokenException.class.isAssignableFrom(outcome);
            };
            if (!allowed) {
                problems.add("bit " + bit + " (" + region + "): " + outcome.getSimpleName());
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " bad outcomes of " + content.length * 8 + " flips:\n" + String.join("\n", problems));
        }
        // The sweep exercised every kind of refusal, so no branch was vacuously satisfied.
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0 && outcomes[2] > 0, Arrays.toString(outcomes));
    }

    @Test
    void truncatingOrExtendingTheSignatureIsRefused() throws Exception {
        byte[] content = TokenBytes.inflate007(TokenFixtures.builder().rtm("u", 60));
        byte[] signature = Arrays.copyOfRange(content, 2, 34);
        byte[] info = Arrays.copyOfRange(content, 34, content.length);
        assertArrayEquals(content, TokenBytes.content(signature, info));
        for (int length : new int[] {0, 1, 31, 33, 64}) {
            byte[] resized = Arrays.copyOf(signature, length);
            String token = TokenBytes.encode007(TokenBytes.content(resized, info));
            assertEquals(MalformedTokenException.class,
                    assertThrows(MalformedTokenException.class, () -> TokenDecoder.decode(token)).getClass(),
                    "signature of " + length + " bytes");
        }
        // An all-zero signature of the right length decodes, and is refused by the verifier.
        AccessToken2 zero = TokenDecoder.decodeAccessToken2(TokenBytes.encode007(TokenBytes.content(new byte[32], info)));
        assertThrows(SignatureMismatchException.class, () -> verifierAt(NOW).verify(zero));
    }

    @Test
    void tokenSignedByHandForAnotherProjectIsRefusedByAppId() throws Exception {
        List<Service> services = List.of(new Service.Rtm("u", Privileges.of(1, 60)));
        AccessToken2 other = TokenDecoder.decodeAccessToken2(
                TokenBytes.sign007(OTHER_APP_ID, CERTIFICATE, NOW, 60, 1, services));
        assertThrows(AppIdMismatchException.class, () -> verifierAt(NOW).verify(other));
        // And the hand-signed token for our App ID is accepted: the oracle signs like the library.
        verifierAt(NOW).verify(TokenDecoder.decodeAccessToken2(
                TokenBytes.sign007(APP_ID, CERTIFICATE, NOW, 60, 1, services)));
    }

    // --- 006 ---------------------------------------------------------------------------------

    @Test
    void token006WrongCertificateChannelUidOrAppId() throws Exception {
        AccessToken006Builder b = TokenFixtures.builder006();
        AccessToken006 rtc = (AccessToken006) TokenDecoder.decode(b.rtcWithUid("room-1", 1234, RtcRole.PUBLISHER, 600));
        TokenVerifier verifier = verifierAt(NOW);
        verifier.verify(rtc, "room-1", "1234");

        assertThrows(SignatureMismatchException.class,
                () -> new TokenVerifier(APP_ID, OTHER_CERTIFICATE, clockAt(NOW)).verify(rtc, "room-1", "1234"));
        assertThrows(SignatureMismatchException.class, () -> verifier.verify(rtc, "room-2", "1234"));
        assertThrows(SignatureMismatchException.class, () -> verifier.verify(rtc, "room-1", "1235"));
        assertThrows(SignatureMismatchException.class, () -> verifier.verify(rtc, "room-1", ""));
        // appId + channel + uid are concatenated under the HMAC, so ("room-1", "1234") and
        // ("room-11", "234") sign identically; only the CRCs in the token tell them apart.
        assertThrows(SignatureMismatchException.class, () -> verifier.verify(rtc, "room-11", "234"));
        assertThrows(SignatureMismatchException.class, () -> verifier.verify(rtc, "room-", "11234"));
        AppIdMismatchException e = assertThrows(AppIdMismatchException.class,
                () -> new TokenVerifier(OTHER_APP_ID, CERTIFICATE, clockAt(NOW)).verify(rtc, "room-1", "1234"));
        assertEquals(APP_ID, e.tokenAppId());

        AccessToken006 rtm = (AccessToken006) TokenDecoder.decode(b.rtm("user-9", 600));
        verifier.verify(rtm, "user-9", "");
        assertThrows(SignatureMismatchException.class, () -> verifier.verify(rtm, "", "user-9"));
        assertThrows(SignatureMismatchException.class, () -> verifier.verify(rtm, "user-8", ""));
    }

    @Test
    void token006ExpiresAtItsTsAndForgeryWins() throws Exception {
        AccessToken006 token = (AccessToken006) TokenDecoder.decode(
                TokenFixtures.builder006().rtcWithUid("room", 0, RtcRole.SUBSCRIBER, 600));
        verifierAt(NOW + 86_399).verify(token, "room", "");
        TokenExpiredException e = assertThrows(TokenExpiredException.class,
                () -> verifierAt(NOW + 86_400).verify(token, "room", ""));
        assertEquals(NOW + 86_400, e.expiredAt());
        assertThrows(SignatureMismatchException.class,
                () -> new TokenVerifier(APP_ID, OTHER_CERTIFICATE, clockAt(NOW + 86_400)).verify(token, "room", ""));
    }

    @Test
    void token006EveryBitFlipOfTheBodyIsRefused() throws Exception {
        String token = TokenFixtures.builder006().rtcWithUid("room", 77, RtcRole.PUBLISHER, 600);
        String prefix = token.substring(0, 35);
        byte[] content = java.util.Base64.getDecoder().decode(token.substring(35));
        TokenVerifier verifier = verifierAt(NOW);
        List<String> accepted = new ArrayList<>();
        for (int bit = 0; bit < content.length * 8; bit++) {
            String flipped = prefix + TokenBytes.base64(TokenBytes.flipBit(content, bit));
            try {
                verifier.verify((AccessToken006) TokenDecoder.decode(flipped), "room", "77");
                accepted.add("bit " + bit);
            } catch (SignatureMismatchException | MalformedTokenException expected) {
                // refused
            }
        }
        // Including the two CRC fields: they are outside the HMAC, so the verifier must compare
        // them with the channel and uid it is given.
        assertEquals(List.of(), accepted);
    }
}
