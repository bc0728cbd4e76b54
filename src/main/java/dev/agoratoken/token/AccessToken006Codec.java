package dev.agoratoken.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The legacy AccessToken ("006") wire format:
 * <pre>
 * message   = u32 salt, u32 ts, privileges map (absolute Unix expiry times)
 * signature = HMAC-SHA256(appCertificate, appId + channelName + uid + message)
 * token     = "006" + appId + base64(bytes(signature) u32 crc32(channelName) u32 crc32(uid) bytes(message))
 * </pre>
 */
final class AccessToken006Codec {
    private static final int APP_ID_LENGTH = 32;

    private AccessToken006Codec() {}

    static String encode(String appId, String certificate, String channelName, String uid, long salt, long ts,
                         Privileges privileges) {
        Workspace workspace = Workspace.current();
        ByteWriter message = workspace.signingInfo;
        message.reset();
        message.putU32(salt).putU32(ts).putPrivileges(privileges);
        byte[] messageBytes = message.toByteArray();
        byte[] signature = workspace.hmac(certificate.getBytes(StandardCharsets.US_ASCII),
                appId.getBytes(StandardCharsets.US_ASCII), utf8(channelName), utf8(uid), messageBytes);

        ByteWriter content = workspace.content;
        content.reset();
        content.putBytes(signature).putU32(crc32(channelName)).putU32(crc32(uid)).putBytes(messageBytes);
        return workspace.encodeBase64(AccessToken006.VERSION + appId, content.array(), 0, content.length());
    }

    static byte[] signature(String certificate, AccessToken006 token, String channelName, String uid) {
        return Workspace.current().hmac(certificate.getBytes(StandardCharsets.US_ASCII),
                token.appId().getBytes(StandardCharsets.US_ASCII), utf8(channelName), utf8(uid), token.messageBytes());
    }

    static AccessToken006 decode(String token) throws MalformedTokenException {
        if (token.length() > AccessToken2Codec.MAX_TOKEN_LENGTH) {
            throw new MalformedTokenException(
                    "token is longer than " + AccessToken2Codec.MAX_TOKEN_LENGTH + " characters");
        }
        int bodyStart = AccessToken006.VERSION.length() + APP_ID_LENGTH;
        if (token.length() < bodyStart) {
            throw new MalformedTokenException("a 006 token starts with \"006\" and a 32-character App ID");
        }
        String appId = token.substring(AccessToken006.VERSION.length(), bodyStart);
        try {
            TokenInputs.appId(appId);
        } catch (InvalidTokenParameterException e) {
            throw new MalformedTokenException("token carries an invalid App ID");
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(token.substring(bodyStart));
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException("token body is not valid base64");
        }
        ByteReader reader = new ByteReader(content, 0, content.length);
        byte[] signature = reader.signature();
        long channelNameCrc = reader.u32("channel name CRC");
        long uidCrc = reader.u32("uid CRC");
        byte[] message = reader.bytes("message");
        reader.expectEnd("token");

        ByteReader messageReader = new ByteReader(message, 0, message.length);
        long salt = messageReader.u32("salt");
        long ts = messageReader.u32("ts");
        Privileges privileges = messageReader.privileges("privileges");
        messageReader.expectEnd("message");
        return new AccessToken006(appId, salt, ts, channelNameCrc, uidCrc, privileges, signature, message);
    }

    static long crc32(String value) {
        CRC32 crc = new CRC32();
        crc.update(utf8(value));
        return crc.getValue();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
