package dev.agoratoken.token;

/** What {@link TokenDecoder#decode(String)} returns: a 007 {@link AccessToken2} or a legacy {@link AccessToken006}. */
public sealed interface DecodedToken permits AccessToken2, AccessToken006 {
    /** "007" or "006". */
    String version();

    String appId();

    long salt();

    /** Unix seconds after which Agora rejects the token. */
    long expiresAt();
}
