package dev.agoratoken.token;

/**
 * Reads any 006 or 007 token without the certificate. Whatever the input, it returns a value
 * or throws {@link MalformedTokenException}; it never throws anything unchecked and never
 * allocates more than a small fixed bound.
 */
public final class TokenDecoder {
    private TokenDecoder() {}

    public static DecodedToken decode(String token) throws MalformedTokenException {
        if (token == null || token.length() < 3) {
            throw new MalformedTokenException("a token starts with its version, \"007\" or \"006\"");
        }
        if (token.startsWith(AccessToken2.VERSION)) {
            return AccessToken2Codec.decode(token);
        }
        if (token.startsWith(AccessToken006.VERSION)) {
            return AccessToken006Codec.decode(token);
        }
        throw new MalformedTokenException("unsupported token version \"" + printable(token.substring(0, 3))
                + "\"; expected \"007\" or \"006\"");
    }

    /** Decodes a token that must be an AccessToken2. */
    public static AccessToken2 decodeAccessToken2(String token) throws MalformedTokenException {
        DecodedToken decoded = decode(token);
        if (decoded instanceof AccessToken2 accessToken2) {
            return accessToken2;
        }
        throw new MalformedTokenException("expected a 007 token, got " + decoded.version());
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }
}
