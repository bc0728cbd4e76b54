package dev.agoratoken.token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The AccessToken2 ("007") wire format, both directions:
 * <pre>
 * signingInfo = str(appId) u32 issueTs u32 expire u32 salt u16 count service*
 * service     = u16 type, privileges map, the type's own fields
 * token       = "007" + base64(zlib(bytes(signature) + signingInfo))
 * </pre>
 */
final class AccessToken2Codec {
    /** Longest token string we try to read; a real one is a few hundred characters. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;
    /**
     * Longest string field the generic builder writes: Agora's longest field (a user account).
     * It keeps every token we mint well within what {@link #decode} reads back.
     */
    static final int MAX_FIELD_BYTES = TokenInputs.MAX_ACCOUNT_BYTES;

    private AccessToken2Codec() {}

    /** Mints a token. Services must already be in ascending type order, each type at most once. */
    static String encode(String appId, String certificate, long issueTs, long expire, long salt, Service... services) {
        Workspace workspace = Workspace.current();
        ByteWriter info = workspace.signingInfo;
        info.reset();
        info.putString(appId).putU32(issueTs).putU32(expire).putU32(salt).putU16(services.length);
        for (Service service : services) {
            writeService(info, service);
        }
        workspace.signAccessToken2(certificate, issueTs, salt, info.array(), info.length());

        ByteWriter content = workspace.content;
        content.reset();
        content.putU16(Workspace.SIGNATURE_LENGTH)
                .putRaw(workspace.signature, 0, Workspace.SIGNATURE_LENGTH)
                .putRaw(info.array(), 0, info.length());
        return workspace.deflateAndEncode(AccessToken2.VERSION, content);
    }

    private static void writeService(ByteWriter out, Service service) {
        out.putU16(service.type().id()).putPrivileges(service.privileges());
        if (service instanceof Service.Rtc rtc) {
            out.putString(rtc.channelName()).putString(rtc.uid());
        } else if (service instanceof Service.Rtm rtm) {
            out.putString(rtm.userId());
        } else if (service instanceof Service.Streaming streaming) {
            out.putString(streaming.channelName()).putString(streaming.account());
        } else if (service instanceof Service.Chat chat) {
            out.putString(chat.userId());
        } else if (service instanceof Service.Fcdn fcdn) {
            out.putString(fcdn.channelName()).putString(fcdn.account());
        } else if (service instanceof Service.Apaas apaas) {
            out.putString(apaas.roomUuid()).putString(apaas.userUuid()).putU16(apaas.role());
        }
        // Service.Fpa has no fields after its privileges.
    }

    /** Every string field must fit its u16 length prefix. */
    static void requireEncodable(Service service) throws InvalidTokenParameterException {
        if (service instanceof Service.Rtc rtc) {
            requireFits("channelName", rtc.channelName());
            requireFits("uid", rtc.uid());
        } else if (service instanceof Service.Rtm rtm) {
            requireFits("userId", rtm.userId());
        } else if (service instanceof Service.Streaming streaming) {
            requireFits("channelName", streaming.channelName());
            requireFits("account", streaming.account());
        } else if (service instanceof Service.Chat chat) {
            requireFits("userId", chat.userId());
        } else if (service instanceof Service.Fcdn fcdn) {
            requireFits("channelName", fcdn.channelName());
            requireFits("account", fcdn.account());
        } else if (service instanceof Service.Apaas apaas) {
            requireFits("roomUuid", apaas.roomUuid());
            requireFits("userUuid", apaas.userUuid());
        }
    }

    private static void requireFits(String parameter, String value) throws InvalidTokenParameterException {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_FIELD_BYTES) {
            throw new InvalidTokenParameterException(parameter,
                    parameter + " must be at most " + MAX_FIELD_BYTES + " bytes; got " + bytes);
        }
    }

    static AccessToken2 decode(String token) throws MalformedTokenException {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new MalformedTokenException("token is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(token.substring(AccessToken2.VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException("token body is not valid base64");
        }
        Workspace workspace = Workspace.current();
        int length = workspace.inflate(compressed);
        ByteReader reader = new ByteReader(workspace.inflatedBuffer(), 0, length);
        byte[] signature = reader.signature();

        int infoStart = reader.position();
        String appId = reader.string("appId");
        try {
            TokenInputs.appId(appId);
        } catch (InvalidTokenParameterException e) {
            throw new MalformedTokenException("token carries an invalid App ID");
        }
        long issueTs = reader.u32("issueTs");
        long expire = reader.u32("expire");
        long salt = reader.u32("salt");
        int count = reader.u16("service count");
        List<Service> services = new ArrayList<>(Math.min(count, ServiceType.values().length));
        long seenTypes = 0;
        for (int i = 0; i < count; i++) {
            Service service = readService(reader);
            long bit = 1L << service.type().id();
            if ((seenTypes & bit) != 0) {
                throw new MalformedTokenException("token lists service type " + service.type().id() + " twice");
            }
            seenTypes |= bit;
            services.add(service);
        }
        reader.expectEnd("token");
        byte[] signingInfo = new byte[length - infoStart];
        System.arraycopy(workspace.inflatedBuffer(), infoStart, signingInfo, 0, signingInfo.length);
        return new AccessToken2(appId, issueTs, expire, salt, services, signature, signingInfo);
    }

    private static Service readService(ByteReader in) throws MalformedTokenException {
        int type = in.u16("service type");
        switch (type) {
            case 1: {
                Privileges privileges = in.privileges("RTC privileges");
                return new Service.Rtc(in.string("RTC channel name"), in.string("RTC uid"), privileges);
            }
            case 2: {
                Privileges privileges = in.privileges("RTM privileges");
                return new Service.Rtm(in.string("RTM user id"), privileges);
            }
            case 3: {
                Privileges privileges = in.privileges("Streaming privileges");
                return new Service.Streaming(in.string("Streaming channel name"), in.string("Streaming account"),
                        privileges);
            }
            case 4:
                return new Service.Fpa(in.privileges("FPA privileges"));
            case 5: {
                Privileges privileges = in.privileges("Chat privileges");
                return new Service.Chat(in.string("Chat user id"), privileges);
            }
            case 6: {
                Privileges privileges = in.privileges("FCDN privileges");
                return new Service.Fcdn(in.string("FCDN channel name"), in.string("FCDN account"), privileges);
            }
            case 7: {
                Privileges privileges = in.privileges("APaaS privileges");
                return new Service.Apaas(in.string("APaaS room uuid"), in.string("APaaS user uuid"),
                        in.i16("APaaS role"), privileges);
            }
            default:
                throw new UnknownServiceTypeException(type);
        }
    }
}
