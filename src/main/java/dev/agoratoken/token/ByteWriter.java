package dev.agoratoken.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian buffer, reused across tokens on one thread (see {@link Workspace}). */
final class ByteWriter {
    private byte[] buffer;
    private int length;

    ByteWriter(int initialCapacity) {
        buffer = new byte[initialCapacity];
    }

    void reset() {
        length = 0;
    }

    int length() {
        return length;
    }

    /** The backing array; only the first {@link #length()} bytes are meaningful. */
    byte[] array() {
        return buffer;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }

    ByteWriter putU16(int value) {
        ensure(2);
        buffer[length++] = (byte) value;
        buffer[length++] = (byte) (value >>> 8);
        return this;
    }

    ByteWriter putU32(long value) {
        ensure(4);
        buffer[length++] = (byte) value;
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 24);
        return this;
    }

    ByteWriter putRaw(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
        return this;
    }

    /** {@code u16 length} then the bytes. */
    ByteWriter putBytes(byte[] bytes) {
        return putU16(bytes.length).putRaw(bytes, 0, bytes.length);
    }

    /** {@code u16 length} then the UTF-8 bytes; ASCII (every validated input) is copied without a temporary array. */
    ByteWriter putString(String value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            if (value.charAt(i) >= 0x80) {
                return putBytes(value.getBytes(StandardCharsets.UTF_8));
            }
        }
        putU16(n);
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) value.charAt(i);
        }
        return this;
    }

    /** {@code u16 count} then each {@code u16 id, u32 value} in ascending id order. */
    ByteWriter putPrivileges(Privileges privileges) {
        putU16(privileges.size());
        for (int i = 0; i < privileges.size(); i++) {
            putU16(privileges.idAt(i)).putU32(privileges.valueAt(i));
        }
        return this;
    }
}
