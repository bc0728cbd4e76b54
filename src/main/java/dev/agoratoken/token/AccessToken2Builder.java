package dev.agoratoken.token;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntSupplier;

/**
 * Creates AccessToken2 ("007") tokens for one Agora project. Thread-safe and cheap to share:
 * one instance per App ID serves the whole process.
 *
 * <p>Every method takes lifetimes in seconds (1..86400) counted from the moment of minting.
 * The named recipes put into the token exactly what Agora's official builders put in; {@link
 * #build(int, Service...)} takes any combination of services.
 */
public final class AccessToken2Builder {
    private static final int[] PUBLISHER_PRIVILEGES = {
        Service.Rtc.JOIN_CHANNEL, Service.Rtc.PUBLISH_AUDIO_STREAM,
        Service.Rtc.PUBLISH_VIDEO_STREAM, Service.Rtc.PUBLISH_DATA_STREAM
    };
    private static final int[] STREAM_CHANNEL_PRIVILEGES = {
        Service.Rtc.JOIN_CHANNEL, Service.Rtc.PUBLISH_DATA_STREAM
    };

    private final String appId;
    private final String appCertificate;
    private final InstantSource clock;
    private final IntSupplier saltSource;

    /** Uses the system clock and a {@link SecureRandom} salt. */
    public AccessToken2Builder(String appId, String appCertificate) throws InvalidTokenParameterException {
        this(appId, appCertificate, InstantSource.system());
    }

    /** Takes the issue time from {@code clock} and a {@link SecureRandom} salt. */
    public AccessToken2Builder(String appId, String appCertificate, InstantSource clock)
            throws InvalidTokenParameterException {
        this(appId, appCertificate, clock, secureSalt());
    }

    /**
     * For tests and replays: the issue time comes from {@code clock}, each token's salt from
     * {@code saltSource} (its int is written as the unsigned 32-bit salt).
     */
    public AccessToken2Builder(String appId, String appCertificate, InstantSource clock, IntSupplier saltSource)
            throws InvalidTokenParameterException {
        this.appId = TokenInputs.appId(appId);
        this.appCertificate = TokenInputs.appCertificate(appCertificate);
        this.clock = clock;
        this.saltSource = saltSource;
    }

    /** A fresh random salt in 1..99,999,999 per token, the range Agora's own builders use. */
    static IntSupplier secureSalt() {
        SecureRandom random = new SecureRandom();
        return () -> 1 + random.nextInt(99_999_999);
    }

    public String appId() {
        return appId;
    }

    /** RTC for a numeric uid (0..4294967295; 0 lets any user join). */
    public String rtcWithUid(String channelName, long uid, RtcRole role, int expireSeconds)
            throws InvalidTokenParameterException {
        return rtc(TokenInputs.channelName(channelName), TokenInputs.uid(uid), role, expireSeconds);
    }

    /** RTC for a string user account (1..255 bytes). */
    public String rtcWithAccount(String channelName, String account, RtcRole role, int expireSeconds)
            throws InvalidTokenParameterException {
        return rtc(TokenInputs.channelName(channelName), TokenInputs.account(account), role, expireSeconds);
    }

    private String rtc(String channelName, String uid, RtcRole role, int expireSeconds)
            throws InvalidTokenParameterException {
        int expire = TokenInputs.expire("expire", expireSeconds);
        return mint(expire, new Service.Rtc(channelName, uid, rtcPrivileges(role, expire)));
    }

    /**
     * RTC for a numeric uid where each privilege has its own lifetime, each from 1 to the token's
     * lifetime. Useful where co-host authentication is on: e.g. a guest may join for an hour but
     * publish for five minutes.
     */
    public String rtcWithUidAndPrivilegeExpiries(String channelName, long uid, PrivilegeExpiries expiries)
            throws InvalidTokenParameterException {
        return rtcWithExpiries(TokenInputs.channelName(channelName), TokenInputs.uid(uid), expiries);
    }

    /** As {@link #rtcWithUidAndPrivilegeExpiries}, for a string user account. */
    public String rtcWithAccountAndPrivilegeExpiries(String channelName, String account, PrivilegeExpiries expiries)
            throws InvalidTokenParameterException {
        return rtcWithExpiries(TokenInputs.channelName(channelName), TokenInputs.account(account), expiries);
    }

    private String rtcWithExpiries(String channelName, String uid, PrivilegeExpiries expiries)
            throws InvalidTokenParameterException {
        int token = TokenInputs.expire("expire", expiries.token());
        // fromArrays takes ownership of (and may sort) its arrays, hence the clone.
        Privileges privileges = Privileges.fromArrays(PUBLISHER_PRIVILEGES.clone(), new long[] {
            TokenInputs.expire("joinExpire", expiries.join(), token),
            TokenInputs.expire("audioExpire", expiries.publishAudio(), token),
            TokenInputs.expire("videoExpire", expiries.publishVideo(), token),
            TokenInputs.expire("dataExpire", expiries.publishData(), token)
        });
        return mint(token, new Service.Rtc(channelName, uid, privileges));
    }

    /** Signaling (RTM) login for a user id (1..64 bytes). */
    public String rtm(String userId, int expireSeconds) throws InvalidTokenParameterException {
        String user = TokenInputs.userId(userId);
        int expire = TokenInputs.expire("expire", expireSeconds);
        return mint(expire, new Service.Rtm(user, Privileges.of(Service.Rtm.LOGIN, expire)));
    }

    /**
     * Signaling login plus a stream channel: Signaling stream channels also need an RTC service
     * for the channel, with the same user id, to join and publish data. {@code channelName} may
     * be {@code *} to cover every channel.
     */
    public String rtmWithStreamChannel(String userId, String channelName, int expireSeconds)
            throws InvalidTokenParameterException {
        String user = TokenInputs.userId(userId);
        String channel = TokenInputs.streamChannelName(channelName);
        int expire = TokenInputs.expire("expire", expireSeconds);
        return mint(expire,
                new Service.Rtc(channel, user, Privileges.allOf(expire, STREAM_CHANNEL_PRIVILEGES)),
                new Service.Rtm(user, Privileges.of(Service.Rtm.LOGIN, expire)));
    }

    /** One token that is both an RTC token for {@code account} in the channel and its RTM login. */
    public String rtcAndRtm(String channelName, String account, RtcRole role, int expireSeconds)
            throws InvalidTokenParameterException {
        String channel = TokenInputs.channelName(channelName);
        String user = TokenInputs.account(account);
        int expire = TokenInputs.expire("expire", expireSeconds);
        return mint(expire,
                new Service.Rtc(channel, user, rtcPrivileges(role, expire)),
                new Service.Rtm(user, Privileges.of(Service.Rtm.LOGIN, expire)));
    }

    /** Chat user token for a user id (1..64 bytes). */
    public String chatUser(String userId, int expireSeconds) throws InvalidTokenParameterException {
        String user = TokenInputs.userId(userId);
        int expire = TokenInputs.expire("expire", expireSeconds);
        return mint(expire, new Service.Chat(user, Privileges.of(Service.Chat.USER, expire)));
    }

    /** Chat app token, for the app's server to call Chat REST APIs. */
    public String chatApp(int expireSeconds) throws InvalidTokenParameterException {
        int expire = TokenInputs.expire("expire", expireSeconds);
        return mint(expire, new Service.Chat("", Privileges.of(Service.Chat.APP, expire)));
    }

    /**
     * Any combination of services, at most one of each type, in any order (the token lists them
     * in ascending type order). Fields are written as given; only their lengths are checked, so
     * use the named recipes wherever one fits.
     */
    public String build(int expireSeconds, Service... services) throws InvalidTokenParameterException {
        int expire = TokenInputs.expire("expire", expireSeconds);
        if (services.length == 0) {
            throw new InvalidTokenParameterException("services", "a token needs at least one service");
        }
        Service[] sorted = services.clone();
        Arrays.sort(sorted, Comparator.comparingInt(service -> service.type().id()));
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].type() == sorted[i - 1].type()) {
                throw new InvalidTokenParameterException("services",
                        "service " + sorted[i].type() + " is given twice; a token holds each type at most once");
            }
        }
        for (Service service : sorted) {
            AccessToken2Codec.requireEncodable(service);
        }
        return mint(expire, sorted);
    }

    private String mint(int expire, Service... sortedServices) {
        long issueTs = clock.millis() / 1000;
        long salt = saltSource.getAsInt() & 0xFFFF_FFFFL;
        return AccessToken2Codec.encode(appId, appCertificate, issueTs, expire, salt, sortedServices);
    }

    static Privileges rtcPrivileges(RtcRole role, long expire) {
        return role == RtcRole.PUBLISHER
                ? Privileges.allOf(expire, PUBLISHER_PRIVILEGES)
                : Privileges.of(Service.Rtc.JOIN_CHANNEL, expire);
    }

    @Override
    public String toString() {
        return "AccessToken2Builder{appId=" + appId + "}"; // never the certificate
    }
}
