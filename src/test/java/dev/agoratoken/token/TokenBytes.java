package dev.agoratoken.token;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test-side tools for taking tokens apart and putting (possibly broken) tokens together, written
 * from agora-token-formats.md only, with nothing from the library's own codec. They give the
 * tests an independent oracle: what the bytes of a token must be, and what its signature must be.
 */
final class TokenBytes {
    static final int SIGNATURE_LENGTH = 32;

    private TokenBytes() {}

    /** {@code "007" + base64(zlib)} → the inflated content: {@code bytes(signature) + signingInfo}. */
    static byte[] inflate007(String token) {
        if (!token.startsWith("007")) {
            throw new IllegalArgumentException("not a 007 token: " + token);
        }
        byte[] compressed = Base64.getDecoder().decode(token.substring(3));
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated zlib stream");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException(e);
        } finally {
            inflater.end();
        }
    }

    /** Content → {@code "007" + base64(zlib(content))}, at Deflater's default level. */
    static String encode007(byte[] content) {
        return "007" + base64(zlib(content));
    }

    static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /** A standard zlib stream (header 78 9C at the default level). */
    static byte[] zlib(byte[] data) {
        return deflate(data, false);
    }

    /** A raw deflate stream: no zlib header, no Adler-32 trailer. */
    static byte[] rawDeflate(byte[] data) {
        return deflate(data, true);
    }

    /** A zlib stream at the given level (0 = stored, 9 = best); any level is a valid token body. */
    static byte[] zlib(byte[] data, int level) {
        return deflate(data, level, false);
    }

    private static byte[] deflate(byte[] data, boolean raw) {
        return deflate(data, Deflater.DEFAULT_COMPRESSION, raw);
    }

    private static byte[] deflate(byte[] data, int level, boolean raw) {
        Deflater deflater = new Deflater(level, raw);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** A copy of {@code data} with bit {@code bit} (0 = lowest bit of byte 0) inverted. */
    static byte[] flipBit(byte[] data, int bit) {
        byte[] copy = data.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    static byte[] concat(byte[]... parts) {
        Wire wire = new Wire();
        for (byte[] part : parts) {
            wire.raw(part);
        }
        return wire.toByteArray();
    }

    /** {@code bytes(signature) + signingInfo}, the inflated content of a 007 token. */
    static byte[] content(byte[] signature, byte[] signingInfo) {
        return new Wire().bytes(signature).raw(signingInfo).toByteArray();
    }

    /** The signing info the format document prescribes for these services, in the order given. */
    static byte[] signingInfo(String appId, long issueTs, long expire, long salt, List<Service> services) {
        Wire wire = new Wire().str(appId).u32(issueTs).u32(expire).u32(salt).u16(services.size());
        for (Service service : services) {
            service(wire, service);
        }
        return wire.toByteArray();
    }

    static void service(Wire wire, Service service) {
        wire.u16(service.type().id()).privileges(service.privileges().asMap());
        if (service instanceof Service.Rtc rtc) {
            wire.str(rtc.channelName()).str(rtc.uid());
        } else if (service instanceof Service.Rtm rtm) {
            wire.str(rtm.userId());
        } else if (service instanceof Service.Streaming streaming) {
            wire.str(streaming.channelName()).str(streaming.account());
        } else if (service instanceof Service.Chat chat) {
            wire.str(chat.userId());
        } else if (service instanceof Service.Fcdn fcdn) {
            wire.str(fcdn.channelName()).str(fcdn.account());
        } else if (service instanceof Service.Apaas apaas) {
            wire.str(apaas.roomUuid()).str(apaas.userUuid()).u16(apaas.role() & 0xFFFF);
        }
    }

    /** signature = HMAC(HMAC(le32(salt), HMAC(le32(issueTs), certificate)), signingInfo). */
    static byte[] signature007(String certificate, long issueTs, long salt, byte[] signingInfo) {
        byte[] issueKey = hmac(le32(issueTs), certificate.getBytes(StandardCharsets.US_ASCII));
        byte[] signingKey = hmac(le32(salt), issueKey);
        return hmac(signingKey, signingInfo);
    }

    static byte[] hmac(byte[] key, byte[]... data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : data) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] le32(long value) {
        return new Wire().u32(value).toByteArray();
    }

    /** A valid, correctly signed 007 token assembled by hand. */
    static String sign007(String appId, String certificate, long issueTs, long expire, long salt,
                          List<Service> services) {
        byte[] info = signingInfo(appId, issueTs, expire, salt, services);
        return encode007(content(signature007(certificate, issueTs, salt, info), info));
    }

    /** Little-endian writer for hand-made token content, valid or not. */
    static final class Wire {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Wire u16(int value) {
            out.write(value);
            out.write(value >>> 8);
            return this;
        }

        Wire u32(long value) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (value >>> (8 * i)));
            }
            return this;
        }

        Wire raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Wire repeat(int value, int count) {
            byte[] bytes = new byte[count];
            Arrays.fill(bytes, (byte) value);
            return raw(bytes);
        }

        Wire bytes(byte[] bytes) {
            return u16(bytes.length).raw(bytes);
        }

        Wire str(String value) {
            return bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        Wire privileges(Map<Integer, Long> privileges) {
            u16(privileges.size());
            privileges.forEach((id, value) -> u16(id).u32(value));
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
