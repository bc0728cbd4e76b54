package dev.agoratoken.token;

import java.nio.charset.StandardCharsets;

/**
 * Reads the little-endian fields of a token and refuses, with a {@link MalformedTokenException},
 * any length that runs past the end: no read can throw an unchecked exception or allocate more
 * than the input holds.
 */
final class ByteReader {
    private final byte[] data;
    private final int end;
    private int position;

    ByteReader(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    int position() {
        return position;
    }

    private void need(int count, String what) throws MalformedTokenException {
        if (count > end - position) {
            throw new MalformedTokenException(
                    "token is truncated: " + what + " needs " + count + " bytes, " + (end - position) + " left");
        }
    }

    int u16(String what) throws MalformedTokenException {
        need(2, what);
        int value = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8;
        position += 2;
        return value;
    }

    short i16(String what) throws MalformedTokenException {
        return (short) u16(what);
    }

    long u32(String what) throws MalformedTokenException {
        need(4, what);
        long value = (data[position] & 0xFFL)
                | (data[position + 1] & 0xFFL) << 8
                | (data[position + 2] & 0xFFL) << 16
                | (data[position + 3] & 0xFFL) << 24;
        position += 4;
        return value;
    }

    byte[] bytes(String what) throws MalformedTokenException {
        int length = u16(what + " length");
        need(length, what);
        byte[] out = new byte[length];
        System.arraycopy(data, position, out, 0, length);
        position += length;
        return out;
    }

    /** {@code bytes(signature)}: an HMAC-SHA256, so exactly 32 bytes. */
    byte[] signature() throws MalformedTokenException {
        byte[] signature = bytes("signature");
        if (signature.length != Workspace.SIGNATURE_LENGTH) {
            throw new MalformedTokenException(
                    "signature must be " + Workspace.SIGNATURE_LENGTH + " bytes, found " + signature.length);
        }
        return signature;
    }

    String string(String what) throws MalformedTokenException {
        int length = u16(what + " length");
        need(length, what);
        String value = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    Privileges privileges(String what) throws MalformedTokenException {
        int count = u16(what + " count");
        need(count * 6, what); // checked before allocating: a count cannot claim more than the input holds
        int[] ids = new int[count];
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = u16(what);
            values[i] = u32(what);
        }
        try {
            return Privileges.fromArrays(ids, values);
        } catch (IllegalArgumentException duplicate) {
            throw new MalformedTokenException(what + ": " + duplicate.getMessage());
        }
    }

    void expectEnd(String what) throws MalformedTokenException {
        if (position != end) {
            throw new MalformedTokenException(what + " has " + (end - position) + " unexpected trailing bytes");
        }
    }
}
