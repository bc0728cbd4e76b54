package dev.agoratoken.token;

import java.util.Objects;

/**
 * One service inside an AccessToken2: its type, the privileges it grants and its own fields.
 * The records below are the seven types of the 007 format; their wire layout lives in
 * {@link AccessToken2Codec}.
 */
public sealed interface Service {
    ServiceType type();

    Privileges privileges();

    /** Video/voice calling. {@code uid} is the decimal uid, a user account, or "" for any user. */
    record Rtc(String channelName, String uid, Privileges privileges) implements Service {
        public static final int JOIN_CHANNEL = 1;
        public static final int PUBLISH_AUDIO_STREAM = 2;
        public static final int PUBLISH_VIDEO_STREAM = 3;
        public static final int PUBLISH_DATA_STREAM = 4;

        public Rtc {
            Objects.requireNonNull(channelName, "channelName");
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(privileges, "privileges");
        }

        @Override
        public ServiceType type() {
            return ServiceType.RTC;
        }
    }

    /** Signaling (RTM) login. */
    record Rtm(String userId, Privileges privileges) implements Service {
        public static final int LOGIN = 1;

        public Rtm {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(privileges, "privileges");
        }

        @Override
        public ServiceType type() {
            return ServiceType.RTM;
        }
    }

    /** Media streaming (push of a mixed or raw stream). */
    record Streaming(String channelName, String account, Privileges privileges) implements Service {
        public static final int PUBLISH_MIX_STREAM = 1;
        public static final int PUBLISH_RAW_STREAM = 2;

        public Streaming {
            Objects.requireNonNull(channelName, "channelName");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(privileges, "privileges");
        }

        @Override
        public ServiceType type() {
            return ServiceType.STREAMING;
        }
    }

    /** Full-path acceleration; it has no fields of its own. */
    record Fpa(Privileges privileges) implements Service {
        public static final int LOGIN = 1;

        public Fpa {
            Objects.requireNonNull(privileges, "privileges");
        }

        @Override
        public ServiceType type() {
            return ServiceType.FPA;
        }
    }

    /** Chat. {@code userId} is empty for an app token. */
    record Chat(String userId, Privileges privileges) implements Service {
        public static final int USER = 1;
        public static final int APP = 2;

        public Chat {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(privileges, "privileges");
        }

        @Override
        public ServiceType type() {
            return ServiceType.CHAT;
        }
    }

    /** Fusion CDN publish and play. */
    record Fcdn(String channelName, String account, Privileges privileges) implements Service {
        public static final int PUBLISH = 1;
        public static final int PLAY = 2;

        public Fcdn {
            Objects.requireNonNull(channelName, "channelName");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(privileges, "privileges");
        }

        @Override
        public ServiceType type() {
            return ServiceType.FCDN;
        }
    }

    /** APaaS / Flexible Classroom. {@code role} is a signed 16-bit value on the wire. */
    record Apaas(String roomUuid, String userUuid, short role, Privileges privileges) implements Service {
        public static final int ROOM_USER = 1;
        public static final int USER = 2;
        public static final int APP = 3;

        public Apaas {
            Objects.requireNonNull(roomUuid, "roomUuid");
            Objects.requireNonNull(userUuid, "userUuid");
            Objects.requireNonNull(privileges, "privileges");
        }

        @Override
        public ServiceType type() {
            return ServiceType.APAAS;
        }
    }
}
