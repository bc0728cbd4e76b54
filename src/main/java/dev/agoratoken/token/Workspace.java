package dev.agoratoken.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-thread scratch for minting and reading tokens: one Mac, one Deflater, one Inflater and
 * the buffers they write into. Creating a Deflater per token costs a large native allocation
 * (the Go service's 800 KB per token); resetting one costs almost nothing. Instances never
 * leave their thread.
 */
final class Workspace {
    static final int SIGNATURE_LENGTH = 32;
    /** Upper bound on a decompressed token; real ones are well under 4 KiB. Guards against zip bombs. */
    static final int MAX_INFLATED_LENGTH = 16 * 1024;

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final ThreadLocal<Workspace> CURRENT = ThreadLocal.withInitial(Workspace::new);

    final ByteWriter signingInfo = new ByteWriter(512);
    final ByteWriter content = new ByteWriter(512);
    final byte[] signature = new byte[SIGNATURE_LENGTH];

    private final Mac mac;
    private final Deflater deflater = new Deflater();
    private final Inflater inflater = new Inflater();
    private byte[] deflated = new byte[512];
    private byte[] text = new byte[1024];
    private final byte[] inflated = new byte[MAX_INFLATED_LENGTH + 1];
    private final byte[] le32 = new byte[4];

    // The first HMAC of the 007 key schedule depends only on (issueTs, certificate), so it is
    // computed once per second per thread instead of once per token.
    private String cachedCertificate;
    private long cachedIssueTs = -1;
    private final byte[] cachedIssueKey = new byte[SIGNATURE_LENGTH];
    private final byte[] signingKey = new byte[SIGNATURE_LENGTH];

    private Workspace() {
        try {
            mac = Mac.getInstance(HMAC_SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 runtime provides " + HMAC_SHA256, e);
        }
    }

    static Workspace current() {
        return CURRENT.get();
    }

    /**
     * signingKey = HMAC(le32(salt), HMAC(le32(issueTs), certificate));
     * signature = HMAC(signingKey, signingInfo). Written into {@link #signature}.
     */
    void signAccessToken2(String certificate, long issueTs, long salt, byte[] info, int infoLength) {
        try {
            if (issueTs != cachedIssueTs || !certificate.equals(cachedCertificate)) {
                mac.init(new SecretKeySpec(littleEndian(issueTs), HMAC_SHA256));
                mac.update(certificate.getBytes(StandardCharsets.US_ASCII));
                mac.doFinal(cachedIssueKey, 0);
                cachedIssueTs = issueTs;
                cachedCertificate = certificate;
            }
            mac.init(new SecretKeySpec(littleEndian(salt), HMAC_SHA256));
            mac.update(cachedIssueKey);
            mac.doFinal(signingKey, 0);
            mac.init(new SecretKeySpec(signingKey, HMAC_SHA256));
            mac.update(info, 0, infoLength);
            mac.doFinal(signature, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 with a 4 or 32 byte key cannot fail", e);
        }
    }

    /** HMAC(certificate, message) for the legacy 006 format. */
    byte[] hmac(byte[] key, byte[]... parts) {
        try {
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 with a non-empty key cannot fail", e);
        }
    }

    private byte[] littleEndian(long value) {
        le32[0] = (byte) value;
        le32[1] = (byte) (value >>> 8);
        le32[2] = (byte) (value >>> 16);
        le32[3] = (byte) (value >>> 24);
        return le32;
    }

    /**
     * Returns {@code prefix + base64(zlib(content))} as one string. The base64 is written by hand
     * because {@link java.util.Base64.Encoder} cannot encode part of an array or write at an offset,
     * which would cost two extra copies per token.
     */
    String deflateAndEncode(String prefix, ByteWriter input) {
        deflater.reset();
        deflater.setInput(input.array(), 0, input.length());
        deflater.finish();
        int size = 0;
        while (!deflater.finished()) {
            if (size == deflated.length) {
                deflated = Arrays.copyOf(deflated, deflated.length * 2);
            }
            size += deflater.deflate(deflated, size, deflated.length - size);
        }
        return encodeBase64(prefix, deflated, 0, size);
    }

    String encodeBase64(String prefix, byte[] data, int offset, int length) {
        int needed = prefix.length() + (length + 2) / 3 * 4;
        if (text.length < needed) {
            text = new byte[needed];
        }
        int out = 0;
        for (int i = 0; i < prefix.length(); i++) {
            text[out++] = (byte) prefix.charAt(i);
        }
        out = Base64Text.encode(data, offset, length, text, out);
        return new String(text, 0, out, StandardCharsets.ISO_8859_1);
    }

    /**
     * Inflates a complete zlib stream of at most {@link #MAX_INFLATED_LENGTH} bytes. Returns the
     * length written into {@link #inflatedBuffer()}.
     */
    int inflate(byte[] compressed) throws MalformedTokenException {
        inflater.reset();
        inflater.setInput(compressed);
        int size;
        try {
            size = inflater.inflate(inflated, 0, inflated.length);
        } catch (DataFormatException e) {
            throw new MalformedTokenException("token body is not a valid zlib stream");
        }
        if (size > MAX_INFLATED_LENGTH) {
            throw new MalformedTokenException(
                    "token body inflates to more than " + MAX_INFLATED_LENGTH + " bytes");
        }
        if (!inflater.finished()) {
            throw new MalformedTokenException("token body is a truncated zlib stream");
        }
        if (inflater.getRemaining() > 0) {
            throw new MalformedTokenException("token body has trailing bytes after its zlib stream");
        }
        return size;
    }

    byte[] inflatedBuffer() {
        return inflated;
    }
}
