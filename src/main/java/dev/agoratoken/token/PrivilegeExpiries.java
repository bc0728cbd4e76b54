package dev.agoratoken.token;

/**
 * Lifetimes in seconds for an RTC token whose privileges expire separately: the token itself,
 * then joining the channel and publishing audio, video and data. Each privilege lifetime must be
 * from 1 to the token's lifetime.
 */
public record PrivilegeExpiries(int token, int join, int publishAudio, int publishVideo, int publishData) {
    /** Every privilege lives as long as the token. */
    public static PrivilegeExpiries uniform(int seconds) {
        return new PrivilegeExpiries(seconds, seconds, seconds, seconds, seconds);
    }
}
