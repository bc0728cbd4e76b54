package dev.agoratoken.token;

import java.security.MessageDigest;
import java.time.InstantSource;

/**
 * Checks decoded tokens against one project's App ID and App Certificate: the App ID first,
 * then the signature (recomputed and compared in constant time), then the expiry. An expired
 * token is only reported as expired once its signature is known to be genuine.
 */
public final class TokenVerifier {
    private final String appId;
    private final String appCertificate;
    private final InstantSource clock;

    public TokenVerifier(String appId, String appCertificate) throws InvalidTokenParameterException {
        this(appId, appCertificate, InstantSource.system());
    }

    public TokenVerifier(String appId, String appCertificate, InstantSource clock)
            throws InvalidTokenParameterException {
        this.appId = TokenInputs.appId(appId);
        this.appCertificate = TokenInputs.appCertificate(appCertificate);
        this.clock = clock;
    }

    /** Verifies a 007 token. */
    public void verify(AccessToken2 token) throws TokenVerificationException {
        requireAppId(token);
        Workspace workspace = Workspace.current();
        byte[] info = token.signingInfoBytes();
        workspace.signAccessToken2(appCertificate, token.issueTs(), token.salt(), info, info.length);
        requireSignature(workspace.signature, token.signature());
        requireUnexpired(token);
    }

    /**
     * Verifies a 006 token. Its signature covers the channel name and uid, which the token holds
     * only as CRCs, so they must be given: for an RTM token, the user id and "".
     */
    public void verify(AccessToken006 token, String channelName, String uid) throws TokenVerificationException {
        requireAppId(token);
        requireSignature(AccessToken006Codec.signature(appCertificate, token, channelName, uid), token.signature());
        // The HMAC covers appId + channelName + uid concatenated, so ("room-1", "1234") and
        // ("room-11", "234") sign alike; the token's CRCs of each are what tell them apart.
        if (token.channelNameCrc() != AccessToken006Codec.crc32(channelName)
                || token.uidCrc() != AccessToken006Codec.crc32(uid)) {
            throw new SignatureMismatchException();
        }
        requireUnexpired(token);
    }

    private void requireAppId(DecodedToken token) throws AppIdMismatchException {
        if (!appId.equals(token.appId())) {
            throw new AppIdMismatchException(token.appId());
        }
    }

    private static void requireSignature(byte[] expected, byte[] actual) throws SignatureMismatchException {
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new SignatureMismatchException();
        }
    }

    private void requireUnexpired(DecodedToken token) throws TokenExpiredException {
        if (clock.millis() / 1000 >= token.expiresAt()) {
            throw new TokenExpiredException(token.expiresAt());
        }
    }

    @Override
    public String toString() {
        return "TokenVerifier{appId=" + appId + "}";
    }
}
