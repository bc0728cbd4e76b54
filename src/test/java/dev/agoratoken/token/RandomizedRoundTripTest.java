package dev.agoratoken.token;

import static dev.agoratoken.token.TokenFixtures.APP_ID;
import static dev.agoratoken.token.TokenFixtures.CERTIFICATE;
import static dev.agoratoken.token.TokenFixtures.NOW;
import static dev.agoratoken.token.TokenFixtures.SEED;
import static dev.agoratoken.token.TokenFixtures.randomExpire;
import static dev.agoratoken.token.TokenFixtures.randomText;
import static dev.agoratoken.token.TokenFixtures.randomUid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style round trips over {@value #CASES} seeded random inputs per recipe: channel names
 * of 1..64 allowed characters, uids over the whole 0..4294967295 range (edges first), accounts
 * of 1..255 characters, lifetimes 1..86400, both roles, and random salts (negative ints
 * included). Each case's name carries the seed and its index; replay a failure with
 * {@code -Dtoken.test.seed=<seed>}.
 */
class RandomizedRoundTripTest {
    static final int CASES = 200;

    @BeforeAll
    static void printSeed() {
        System.out.println("RandomizedRoundTripTest seed = " + SEED + " (replay with -Dtoken.test.seed=" + SEED + ")");
    }

    /** One generated case: the inputs, readable in the test name. */
    record Case(int index, String channel, long uid, String account, String userId, RtcRole role, int expire,
                int salt, PrivilegeExpiries expiries) {
        @Override
        public String toString() {
            return "seed=" + SEED + " #" + index + " channel=\"" + channel + "\" uid=" + uid + " role=" + role
                    + " expire=" + expire + " salt=" + salt + " account.length=" + account.length()
                    + " userId=\"" + userId + "\"";
        }
    }

    /** Each recipe gets its own stream of cases, derived from the seed and the recipe's name. */
    static Stream<Arguments> cases(String recipe) {
        Random random = new Random(SEED ^ recipe.hashCode());
        List<Arguments> out = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            int expire = randomExpire(random, i);
            IntFunction<Integer> within = max -> 1 + random.nextInt(max);
            String channel = i == 2 ? randomText(random, 64) : randomText(random, 1, 64);
            String account = i == 2 ? randomText(random, 255) : randomText(random, 1, 255);
            String userId = i == 2 ? randomText(random, 64) : randomText(random, 1, 64);
            Case c = new Case(i, channel, randomUid(random, i), account, userId,
                    random.nextBoolean() ? RtcRole.PUBLISHER : RtcRole.SUBSCRIBER, expire, random.nextInt(),
                    new PrivilegeExpiries(expire, within.apply(expire), within.apply(expire),
                            within.apply(expire), within.apply(expire)));
            out.add(Arguments.of(c));
        }
        return out.stream();
    }

    static Stream<Arguments> rtcWithUidCases() {
        return cases("rtcWithUid");
    }

    static Stream<Arguments> rtcWithAccountCases() {
        return cases("rtcWithAccount");
    }

    static Stream<Arguments> expiriesCases() {
        return cases("rtcWithUidAndPrivilegeExpiries");
    }

    static Stream<Arguments> rtmCases() {
        return cases("rtm");
    }

    static Stream<Arguments> token006Cases() {
        return cases("006");
    }

    private static AccessToken2Builder builder(Case c) throws InvalidTokenParameterException {
        return new AccessToken2Builder(APP_ID, CERTIFICATE, TokenFixtures.CLOCK, () -> c.salt());
    }

    private static Privileges rtcPrivileges(RtcRole role, long expire) {
        return role == RtcRole.PUBLISHER
                ? Privileges.fromMap(Map.of(1, expire, 2, expire, 3, expire, 4, expire))
                : Privileges.of(1, expire);
    }

    private static void assertRoundTrip(Case c, String token, Service... expected) throws Exception {
        RoundTripTest.assertRoundTrip(token, c.expire(), c.salt() & 0xFFFF_FFFFL, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rtcWithUidCases")
    void rtcWithUid(Case c) throws Exception {
        String token = builder(c).rtcWithUid(c.channel(), c.uid(), c.role(), c.expire());
        String uid = c.uid() == 0 ? "" : Long.toString(c.uid());
        assertRoundTrip(c, token, new Service.Rtc(c.channel(), uid, rtcPrivileges(c.role(), c.expire())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rtcWithAccountCases")
    void rtcWithAccount(Case c) throws Exception {
        String token = builder(c).rtcWithAccount(c.channel(), c.account(), c.role(), c.expire());
        assertRoundTrip(c, token, new Service.Rtc(c.channel(), c.account(), rtcPrivileges(c.role(), c.expire())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expiriesCases")
    void rtcWithUidAndPrivilegeExpiries(Case c) throws Exception {
        PrivilegeExpiries e = c.expiries();
        String token = builder(c).rtcWithUidAndPrivilegeExpiries(c.channel(), c.uid(), e);
        String uid = c.uid() == 0 ? "" : Long.toString(c.uid());
        Privileges expected = Privileges.fromMap(Map.of(1, (long) e.join(), 2, (long) e.publishAudio(),
                3, (long) e.publishVideo(), 4, (long) e.publishData()));
        assertRoundTrip(c, token, new Service.Rtc(c.channel(), uid, expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rtmCases")
    void rtmAndStreamChannelAndRtcAndRtm(Case c) throws Exception {
        AccessToken2Builder builder = builder(c);
        Privileges login = Privileges.of(1, c.expire());
        assertRoundTrip(c, builder.rtm(c.userId(), c.expire()), new Service.Rtm(c.userId(), login));
        assertRoundTrip(c, builder.rtmWithStreamChannel(c.userId(), c.channel(), c.expire()),
                new Service.Rtc(c.channel(), c.userId(), Privileges.fromMap(Map.of(1, (long) c.expire(),
                        4, (long) c.expire()))),
                new Service.Rtm(c.userId(), login));
        assertRoundTrip(c, builder.rtcAndRtm(c.channel(), c.account(), c.role(), c.expire()),
                new Service.Rtc(c.channel(), c.account(), rtcPrivileges(c.role(), c.expire())),
                new Service.Rtm(c.account(), login));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("token006Cases")
    void token006(Case c) throws Exception {
        AccessToken006Builder builder =
                new AccessToken006Builder(APP_ID, CERTIFICATE, TokenFixtures.CLOCK, () -> c.salt());
        long salt = c.salt() & 0xFFFF_FFFFL;
        long at = NOW + c.expire();
        String uid = c.uid() == 0 ? "" : Long.toString(c.uid());
        Privileges rtc = c.role() == RtcRole.PUBLISHER
                ? Privileges.fromMap(Map.of(1, at, 2, at, 3, at, 4, at))
                : Privileges.of(1, at);
        RoundTripTest.assertRoundTrip006(builder.rtcWithUid(c.channel(), c.uid(), c.role(), c.expire()),
                c.channel(), uid, NOW, salt, rtc);
        RoundTripTest.assertRoundTrip006(builder.rtcWithAccount(c.channel(), c.account(), c.role(), c.expire()),
                c.channel(), c.account(), NOW, salt, rtc);
        RoundTripTest.assertRoundTrip006(builder.rtm(c.userId(), c.expire()), c.userId(), "", NOW, salt,
                Privileges.of(1000, at));
    }
}
