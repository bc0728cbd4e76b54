package dev.agoratoken.token;

/** What an RTC user may do in a channel. */
public enum RtcRole {
    /** Host or broadcaster: join, and publish audio, video and data streams. */
    PUBLISHER,
    /** Audience: join only. */
    SUBSCRIBER
}
