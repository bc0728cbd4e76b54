package dev.agoratoken.token;

import java.time.InstantSource;
import java.util.function.IntSupplier;

/**
 * Creates legacy AccessToken ("006") tokens, which Agora still accepts. Prefer {@link
 * AccessToken2Builder}; use this only for SDKs that predate AccessToken2. Privileges in a 006
 * token hold absolute Unix expiry times, so lifetimes given here are added to the current time.
 */
public final class AccessToken006Builder {
    /** The token's own ts field is minting time plus 24 hours, as in Agora's builders. */
    private static final long TS_OFFSET_SECONDS = 24 * 3600;

    private final String appId;
    private final String appCertificate;
    private final InstantSource clock;
    private final IntSupplier saltSource;

    public AccessToken006Builder(String appId, String appCertificate) throws InvalidTokenParameterException {
        this(appId, appCertificate, InstantSource.system(), AccessToken2Builder.secureSalt());
    }

    public AccessToken006Builder(String appId, String appCertificate, InstantSource clock, IntSupplier saltSource)
            throws InvalidTokenParameterException {
        this.appId = TokenInputs.appId(appId);
        this.appCertificate = TokenInputs.appCertificate(appCertificate);
        this.clock = clock;
        this.saltSource = saltSource;
    }

    /** RTC for a numeric uid (0 = any user); a publisher may also publish audio, video and data. */
    public String rtcWithUid(String channelName, long uid, RtcRole role, int expireSeconds)
            throws InvalidTokenParameterException {
        return rtc(TokenInputs.channelName(channelName), TokenInputs.uid(uid), role, expireSeconds);
    }

    /** RTC for a string user account. */
    public String rtcWithAccount(String channelName, String account, RtcRole role, int expireSeconds)
            throws InvalidTokenParameterException {
        return rtc(TokenInputs.channelName(channelName), TokenInputs.account(account), role, expireSeconds);
    }

    private String rtc(String channelName, String uid, RtcRole role, int expireSeconds)
            throws InvalidTokenParameterException {
        long now = now();
        long expiresAt = now + TokenInputs.expire("expire", expireSeconds);
        Privileges privileges = role == RtcRole.PUBLISHER
                ? Privileges.allOf(expiresAt, AccessToken006.JOIN_CHANNEL, AccessToken006.PUBLISH_AUDIO_STREAM,
                        AccessToken006.PUBLISH_VIDEO_STREAM, AccessToken006.PUBLISH_DATA_STREAM)
                : Privileges.of(AccessToken006.JOIN_CHANNEL, expiresAt);
        return encode(channelName, uid, now, privileges);
    }

    /** RTM login: the user id takes the channel-name slot and the uid is empty, as the format requires. */
    public String rtm(String userId, int expireSeconds) throws InvalidTokenParameterException {
        String user = TokenInputs.userId(userId);
        long now = now();
        long expiresAt = now + TokenInputs.expire("expire", expireSeconds);
        return encode(user, "", now, Privileges.of(AccessToken006.RTM_LOGIN, expiresAt));
    }

    /**
     * Any privileges with absolute expiry times, written as given. Only lengths are checked: use a
     * named recipe where one fits.
     */
    public String build(String channelName, String uid, Privileges absolutePrivileges)
            throws InvalidTokenParameterException {
        AccessToken2Codec.requireEncodable(new Service.Rtc(channelName, uid, absolutePrivileges));
        return encode(channelName, uid, now(), absolutePrivileges);
    }

    private String encode(String channelName, String uid, long now, Privileges privileges) {
        long salt = saltSource.getAsInt() & 0xFFFF_FFFFL;
        return AccessToken006Codec.encode(appId, appCertificate, channelName, uid, salt, now + TS_OFFSET_SECONDS,
                privileges);
    }

    private long now() {
        return clock.millis() / 1000;
    }

    @Override
    public String toString() {
        return "AccessToken006Builder{appId=" + appId + "}";
    }
}
