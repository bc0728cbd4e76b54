package dev.agoratoken.token;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;

/** Shared inputs: one project's credentials, a frozen clock and salt, and seeded random values. */
final class TokenFixtures {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String OTHER_APP_ID = "0123456789abcdef0123456789abcdef";
    static final String OTHER_CERTIFICATE = "fedcba9876543210fedcba9876543210";

    /** Unix seconds the frozen clock shows; the clock also has 999 ms, which must be truncated away. */
    static final long NOW = 1_700_000_000L;
    static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochMilli(NOW * 1000 + 999));
    /** A negative int: the token must carry it as the unsigned 32-bit value {@link #SALT_U32}. */
    static final int SALT = 0x8000_0001;
    static final long SALT_U32 = 0x8000_0001L;

    /** One service of each of the seven types, with small fields. */
    static final List<Service> ONE_OF_EACH_SERVICE = List.of(
            new Service.Rtc("c", "1", Privileges.of(1, 9)),
            new Service.Rtm("u", Privileges.of(1, 9)),
            new Service.Streaming("s", "a", Privileges.of(2, 9)),
            new Service.Fpa(Privileges.of(1, 9)),
            new Service.Chat("u", Privileges.of(1, 9)),
            new Service.Fcdn("f", "a", Privileges.of(2, 9)),
            new Service.Apaas("r", "u", (short) -1, Privileges.of(3, 9)));

    /**
     * Seed of every randomized test: {@code -Dtoken.test.seed=N} replays a failure; the seed is
     * printed at the start of each randomized class and is part of each generated case's name.
     */
    static final long SEED = Long.getLong("token.test.seed", 0x5EED_A60AL);

    /** Characters Agora allows in channel names, accounts and user ids. */
    static final String ALLOWED =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,";

    private TokenFixtures() {}

    static InstantSource clockAt(long epochSecond) {
        return InstantSource.fixed(Instant.ofEpochSecond(epochSecond));
    }

    static AccessToken2Builder builder() throws InvalidTokenParameterException {
        return new AccessToken2Builder(APP_ID, CERTIFICATE, CLOCK, () -> SALT);
    }

    static AccessToken006Builder builder006() throws InvalidTokenParameterException {
        return new AccessToken006Builder(APP_ID, CERTIFICATE, CLOCK, () -> SALT);
    }

    static TokenVerifier verifierAt(long epochSecond) throws InvalidTokenParameterException {
        return new TokenVerifier(APP_ID, CERTIFICATE, clockAt(epochSecond));
    }

    static String randomText(Random random, int minLength, int maxLength) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        return randomText(random, length);
    }

    static String randomText(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALLOWED.charAt(random.nextInt(ALLOWED.length())));
        }
        return out.toString();
    }

    /** The edges first (0, 1, 2^31-1, 2^31, 2^32-2, 2^32-1), then uniformly random uids. */
    static long randomUid(Random random, int index) {
        long[] edges = {0L, 1L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFEL, 0xFFFF_FFFFL};
        return index < edges.length ? edges[index] : random.nextLong() & 0xFFFF_FFFFL;
    }

    /** 1 and 86400 first, then uniformly random lifetimes. */
    static int randomExpire(Random random, int index) {
        return index == 0 ? 1 : index == 1 ? 86_400 : 1 + random.nextInt(86_400);
    }
}
