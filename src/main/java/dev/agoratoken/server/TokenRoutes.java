package dev.agoratoken.server;

import dev.agoratoken.token.AccessToken2Builder;
import dev.agoratoken.token.InvalidTokenParameterException;
import dev.agoratoken.token.PrivilegeExpiries;
import dev.agoratoken.token.RtcRole;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The token endpoints. Each handler reads its inputs, calls one recipe of the token library and
 * writes the JSON keys the community Go service uses, plus expiresIn and expiresAt.
 */
final class TokenRoutes {
    private final AccessToken2Builder tokens;
    private final InstantSource clock;
    private final int defaultExpiry;
    private final Map<String, Object> pong;

    TokenRoutes(AccessToken2Builder tokens, InstantSource clock, int defaultExpiry, Map<String, Object> pong) {
        this.tokens = tokens;
        this.clock = clock;
        this.defaultExpiry = defaultExpiry;
        this.pong = Collections.unmodifiableMap(new LinkedHashMap<>(pong)); // keeps key order
    }

    void register(RoutesConfig routes) {
        routes.get("/ping", ctx -> ctx.json(pong));
        routes.get("/rtc/{channelName}/{role}/{tokenType}/{uid}", this::rtc);
        routes.get("/rtm/{userId}", this::rtm);
        routes.get("/rte/{channelName}/{role}/{tokenType}/{rtcUid}", this::rte);
        routes.get("/rte/{channelName}/{role}/{tokenType}/{rtcUid}/{rtmUserId}", this::rte);
        routes.get("/chat/app", this::chatApp);
        routes.get("/chat/account/{userId}", this::chatUser);
        routes.post("/getToken", this::getToken);
    }

    private void rtc(Context ctx) throws InvalidTokenParameterException {
        int expiry = queryExpiry(ctx);
        long issuedAt = now();
        String token = rtcToken(ctx.pathParam("channelName"), RequestInputs.role(ctx.pathParam("role")),
                ctx.pathParam("tokenType"), ctx.pathParam("uid"), expiry);
        respond(ctx, issuedAt, expiry, Map.of("rtcToken", token));
    }

    private void rtm(Context ctx) throws InvalidTokenParameterException {
        RequestParams query = RequestParams.parseQuery(ctx.queryString());
        int expiry = RequestInputs.expiry("expiry", query.single("expiry"), defaultExpiry);
        long issuedAt = now();
        String token = rtmToken(ctx.pathParam("userId"), query.single("channel"), expiry);
        respond(ctx, issuedAt, expiry, Map.of("rtmToken", token));
    }

    /**
     * An RTC token and an RTM token in one call. As in the Go service, the RTM token also opens the
     * channel as a Signaling stream channel for the RTM user.
     */
    private void rte(Context ctx) throws InvalidTokenParameterException {
        int expiry = queryExpiry(ctx);
        String channelName = ctx.pathParam("channelName");
        String rtcUid = ctx.pathParam("rtcUid");
        String rtmUserId = ctx.pathParamMap().getOrDefault("rtmUserId", rtcUid);
        if (rtmUserId.equals("0")) {
            throw ApiException.badRequest("rtmUserId is needed when rtcUid is 0 (any user): "
                    + "add it to the path, as in /rte/{channelName}/{role}/{tokenType}/0/{rtmUserId}/");
        }
        long issuedAt = now();
        String rtcToken = rtcToken(channelName, RequestInputs.role(ctx.pathParam("role")),
                ctx.pathParam("tokenType"), rtcUid, expiry);
        String rtmToken = tokens.rtmWithStreamChannel(rtmUserId, channelName, expiry);
        respond(ctx, issuedAt, expiry, orderedPair("rtcToken", rtcToken, "rtmToken", rtmToken));
    }

    private void chatApp(Context ctx) throws InvalidTokenParameterException {
        int expiry = queryExpiry(ctx);
        long issuedAt = now();
        respond(ctx, issuedAt, expiry, Map.of("chatToken", tokens.chatApp(expiry)));
    }

    private void chatUser(Context ctx) throws InvalidTokenParameterException {
        int expiry = queryExpiry(ctx);
        long issuedAt = now();
        respond(ctx, issuedAt, expiry, Map.of("chatToken", tokens.chatUser(ctx.pathParam("userId"), expiry)));
    }

    /** POST /getToken with a JSON or form body: {tokenType, channel, role, uid, expire}. */
    private void getToken(Context ctx) throws InvalidTokenParameterException {
        RequestParams body = RequestBodies.read(ctx);
        String tokenType = body.single("tokenType");
        if (tokenType == null || tokenType.isEmpty()) {
            throw ApiException.badRequest("tokenType is required: one of rtc, rtm or chat");
        }
        int expire = RequestInputs.expiry("expire", body.single("expire"), defaultExpiry);
        long issuedAt = now();
        String token;
        switch (tokenType.toLowerCase(Locale.ROOT)) {
            case "rtc":
                token = postedRtcToken(body, expire);
                break;
            case "rtm":
                token = rtmToken(required(body, "uid", "the Signaling user id"), body.single("channel"), expire);
                break;
            case "chat": {
                String uid = body.single("uid");
                token = uid == null || uid.isEmpty() ? tokens.chatApp(expire) : tokens.chatUser(uid, expire);
                break;
            }
            default:
                throw ApiException.badRequest("tokenType must be rtc, rtm or chat; got " + RequestInputs.quote(tokenType));
        }
        respond(ctx, issuedAt, expire, Map.of("token", token));
    }

    private String postedRtcToken(RequestParams body, int expire) throws InvalidTokenParameterException {
        String channel = required(body, "channel", "the channel name");
        String uid = required(body, "uid", "a numeric uid (0..4294967295, 0 = any user) or a user account");
        String roleText = body.single("role");
        // Without a role the Go service mints a subscriber token; keep that, the least privilege.
        RtcRole role = roleText == null || roleText.isEmpty() ? RtcRole.SUBSCRIBER : RequestInputs.role(roleText);
        String join = body.single("joinExpire");
        String audio = body.single("audioExpire");
        String video = body.single("videoExpire");
        String data = body.single("dataExpire");
        if (join == null && audio == null && video == null && data == null) {
            return RequestInputs.isDigits(uid)
                    ? tokens.rtcWithUid(channel, RequestInputs.uid("uid", uid), role, expire)
                    : tokens.rtcWithAccount(channel, uid, role, expire);
        }
        if (role != RtcRole.PUBLISHER) {
            throw ApiException.badRequest("joinExpire, audioExpire, videoExpire and dataExpire set the expiry of "
                    + "a publisher's privileges: add \"role\": \"publisher\"");
        }
        PrivilegeExpiries expiries = new PrivilegeExpiries(expire,
                privilegeExpiry("joinExpire", join, expire),
                privilegeExpiry("audioExpire", audio, expire),
                privilegeExpiry("videoExpire", video, expire),
                privilegeExpiry("dataExpire", data, expire));
        return RequestInputs.isDigits(uid)
                ? tokens.rtcWithUidAndPrivilegeExpiries(channel, RequestInputs.uid("uid", uid), expiries)
                : tokens.rtcWithAccountAndPrivilegeExpiries(channel, uid, expiries);
    }

    /** A privilege lifetime: 1 to the token's lifetime, which is also its default. */
    private static int privilegeExpiry(String name, String text, int tokenExpire) {
        return text == null ? tokenExpire : RequestInputs.seconds(name, text, tokenExpire);
    }

    private String rtcToken(String channelName, RtcRole role, String tokenType, String uid, int expiry)
            throws InvalidTokenParameterException {
        switch (tokenType.toLowerCase(Locale.ROOT)) {
            case "uid":
                return tokens.rtcWithUid(channelName, RequestInputs.uid("uid", uid), role, expiry);
            case "useraccount", "account":
                return tokens.rtcWithAccount(channelName, uid, role, expiry);
            default:
                throw ApiException.badRequest("tokenType must be uid (a number 0..4294967295) or userAccount "
                        + "(also: account) for a string account; got " + RequestInputs.quote(tokenType));
        }
    }

    private String rtmToken(String userId, String channel, int expiry) throws InvalidTokenParameterException {
        return channel == null ? tokens.rtm(userId, expiry) : tokens.rtmWithStreamChannel(userId, channel, expiry);
    }

    private int queryExpiry(Context ctx) {
        String text = RequestParams.parseQuery(ctx.queryString()).single("expiry");
        return RequestInputs.expiry("expiry", text, defaultExpiry);
    }

    private static String required(RequestParams body, String name, String what) {
        String value = body.single(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest(name + " is required: " + what);
        }
        return value;
    }

    private long now() {
        return clock.millis() / 1000;
    }

    /**
     * Writes the tokens with their lifetime. Token responses must never be cached: a cached
     * token would be handed to another user or outlive its expiry.
     */
    private static void respond(Context ctx, long issuedAt, int expiry, Map<String, String> tokens) {
        Map<String, Object> body = new LinkedHashMap<>(tokens);
        body.put("expiresIn", expiry);
        body.put("expiresAt", issuedAt + expiry);
        ctx.header("Cache-Control", "private, no-cache, no-store, must-revalidate");
        ctx.header("Expires", "-1");
        ctx.header("Pragma", "no-cache");
        ctx.json(body);
    }

    private static Map<String, String> orderedPair(String key1, String value1, String key2, String value2) {
        Map<String, String> pair = new LinkedHashMap<>();
        pair.put(key1, value1);
        pair.put(key2, value2);
        return pair;
    }
}
