package dev.agoratoken.token;

/** Standard base64 (RFC 4648 alphabet, with padding) written into a caller's array at an offset. */
final class Base64Text {
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII);

    private Base64Text() {}

    /** Encodes {@code data[offset, offset+length)} into {@code out} from {@code at}; returns the new end. */
    static int encode(byte[] data, int offset, int length, byte[] out, int at) {
        int end = offset + length;
        int i = offset;
        for (; i + 3 <= end; i += 3) {
            int bits = (data[i] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF);
            out[at++] = ALPHABET[bits >>> 18];
            out[at++] = ALPHABET[(bits >>> 12) & 0x3F];
            out[at++] = ALPHABET[(bits >>> 6) & 0x3F];
            out[at++] = ALPHABET[bits & 0x3F];
        }
        int left = end - i;
        if (left > 0) {
            int bits = (data[i] & 0xFF) << 16 | (left == 2 ? (data[i + 1] & 0xFF) << 8 : 0);
            out[at++] = ALPHABET[bits >>> 18];
            out[at++] = ALPHABET[(bits >>> 12) & 0x3F];
            out[at++] = left == 2 ? ALPHABET[(bits >>> 6) & 0x3F] : (byte) '=';
            out[at++] = '=';
        }
        return at;
    }
}
