package dev.agoratoken.token;

/**
 * The limits Agora puts on what goes into a token, checked before anything is signed. Each
 * check names the parameter and says what would be accepted, because these messages reach
 * API users unchanged.
 */
public final class TokenInputs {
    /** Agora's documented maximum lifetime of a token and of each privilege: 24 hours. */
    public static final int MAX_EXPIRE_SECONDS = 86_400;
    public static final long MAX_UID = 0xFFFF_FFFFL;
    public static final int MAX_CHANNEL_NAME_BYTES = 64;
    public static final int MAX_ACCOUNT_BYTES = 255;
    public static final int MAX_USER_ID_BYTES = 64;
    /** The characters Agora allows in channel names and user accounts, besides letters and digits. */
    public static final String ALLOWED_PUNCTUATION = " !#$%&()+-:;<=.>?@[]^_{}|~,";

    private static final boolean[] ALLOWED = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ALLOWED[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            ALLOWED[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ALLOWED[c] = true;
        }
        for (int i = 0; i < ALLOWED_PUNCTUATION.length(); i++) {
            ALLOWED[ALLOWED_PUNCTUATION.charAt(i)] = true;
        }
    }

    private TokenInputs() {}

    /** App ID: exactly 32 hexadecimal characters. */
    public static String appId(String value) throws InvalidTokenParameterException {
        return hex32("appId", value, "App ID");
    }

    /**
     * App Certificate: exactly 32 hexadecimal characters. The message never echoes the value,
     * not even in part, because the value may be the real secret with one typo.
     */
    public static String appCertificate(String value) throws InvalidTokenParameterException {
        return hex32("appCertificate", value, "App Certificate");
    }

    private static String hex32(String parameter, String value, String label) throws InvalidTokenParameterException {
        if (value == null || value.length() != 32) {
            throw new InvalidTokenParameterException(parameter,
                    label + " must be exactly 32 hexadecimal characters (0-9, a-f), as shown in Agora Console; got "
                            + (value == null ? "nothing" : value.length() + " characters"));
        }
        for (int i = 0; i < 32; i++) {
            char c = value.charAt(i);
            // Character.digit alone would also take fullwidth and other non-ASCII digits.
            if (c >= 128 || Character.digit(c, 16) < 0) {
                throw new InvalidTokenParameterException(parameter,
                        label + " must contain only hexadecimal characters (0-9, a-f); character "
                                + (i + 1) + " is not one");
            }
        }
        return value;
    }

    /** Numeric uid 0..4294967295 as the decimal string the token carries; 0 (any user) becomes "". */
    public static String uid(long uid) throws InvalidTokenParameterException {
        if (uid < 0 || uid > MAX_UID) {
            throw new InvalidTokenParameterException("uid",
                    "uid must be a whole number from 0 to " + MAX_UID + " (0 means any user); got " + uid);
        }
        return uid == 0 ? "" : Long.toString(uid);
    }

    /** Channel name: 1..64 bytes of Agora's allowed characters. */
    public static String channelName(String value) throws InvalidTokenParameterException {
        return checked("channelName", value, MAX_CHANNEL_NAME_BYTES, false);
    }

    /** Channel name for Signaling stream channels, where {@code *} (any channel) is also allowed. */
    public static String streamChannelName(String value) throws InvalidTokenParameterException {
        return checked("channelName", value, MAX_CHANNEL_NAME_BYTES, true);
    }

    /** RTC user account: 1..255 bytes of Agora's allowed characters. */
    public static String account(String value) throws InvalidTokenParameterException {
        return checked("account", value, MAX_ACCOUNT_BYTES, false);
    }

    /** RTM or Chat user id: 1..64 bytes of Agora's allowed characters. */
    public static String userId(String value) throws InvalidTokenParameterException {
        return checked("userId", value, MAX_USER_ID_BYTES, false);
    }

    /** A token or privilege lifetime in seconds: 1..86400. */
    public static int expire(String parameter, int seconds) throws InvalidTokenParameterException {
        return expire(parameter, seconds, MAX_EXPIRE_SECONDS);
    }

    /** A lifetime in seconds from 1 to {@code max} (at most 86400). */
    public static int expire(String parameter, int seconds, int max) throws InvalidTokenParameterException {
        if (seconds < 1 || seconds > max) {
            throw new InvalidTokenParameterException(parameter,
                    parameter + " must be a whole number of seconds from 1 to " + max + "; got " + seconds);
        }
        return seconds;
    }

    private static String checked(String parameter, String value, int maxBytes, boolean wildcard)
            throws InvalidTokenParameterException {
        if (value == null || value.isEmpty()) {
            throw new InvalidTokenParameterException(parameter, parameter + " must not be empty");
        }
        // Every allowed character is ASCII, so once the characters pass, chars == bytes.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c < 128 && ALLOWED[c]) && !(wildcard && c == '*')) {
                throw new InvalidTokenParameterException(parameter, parameter + " contains "
                        + describe(c) + " at position " + (i + 1) + "; allowed are a-z, A-Z, 0-9, space and "
                        + ALLOWED_PUNCTUATION.trim() + (wildcard ? " and *" : ""));
            }
        }
        if (value.length() > maxBytes) {
            throw new InvalidTokenParameterException(parameter,
                    parameter + " must be at most " + maxBytes + " bytes; got " + value.length());
        }
        return value;
    }

    private static String describe(char c) {
        if (c >= 0x21 && c < 0x7F) {
            return "the character '" + c + "'";
        }
        return "the character U+" + Integer.toHexString(0x10000 | c).substring(1).toUpperCase(java.util.Locale.ROOT);
    }
}
