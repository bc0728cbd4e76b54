package dev.agoratoken.token;

/**
 * A decoded legacy AccessToken ("006"). The channel name and uid are not in the token, only
 * their CRC32s, so verifying it needs them from the caller.
 */
public final class AccessToken006 implements DecodedToken {
    public static final String VERSION = "006";
    /** Privilege ids of the 006 format. */
    public static final int JOIN_CHANNEL = 1;
    public static final int PUBLISH_AUDIO_STREAM = 2;
    public static final int PUBLISH_VIDEO_STREAM = 3;
    public static final int PUBLISH_DATA_STREAM = 4;
    public static final int RTM_LOGIN = 1000;

    private final String appId;
    private final long salt;
    private final long ts;
    private final long channelNameCrc;
    private final long uidCrc;
    private final Privileges privileges;
    private final byte[] signature;
    private final byte[] message;

    AccessToken006(String appId, long salt, long ts, long channelNameCrc, long uidCrc, Privileges privileges,
                   byte[] signature, byte[] message) {
        this.appId = appId;
        this.salt = salt;
        this.ts = ts;
        this.channelNameCrc = channelNameCrc;
        this.uidCrc = uidCrc;
        this.privileges = privileges;
        this.signature = signature;
        this.message = message;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String appId() {
        return appId;
    }

    @Override
    public long salt() {
        return salt;
    }

    /** The token's own timestamp: by convention its minting time plus 24 hours. */
    public long ts() {
        return ts;
    }

    @Override
    public long expiresAt() {
        return ts;
    }

    /** CRC32 of the channel name (for RTM tokens: of the user id). */
    public long channelNameCrc() {
        return channelNameCrc;
    }

    public long uidCrc() {
        return uidCrc;
    }

    /** Privilege id to ABSOLUTE Unix expiry time (0 = never). */
    public Privileges privileges() {
        return privileges;
    }

    public byte[] signature() {
        return signature.clone();
    }

    byte[] messageBytes() {
        return message;
    }

    @Override
    public String toString() {
        return "AccessToken006{appId=" + appId + ", salt=" + salt + ", ts=" + ts + ", channelNameCrc="
                + channelNameCrc + ", uidCrc=" + uidCrc + ", privileges=" + privileges + "}";
    }
}
