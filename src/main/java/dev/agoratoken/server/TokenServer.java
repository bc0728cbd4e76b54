package dev.agoratoken.server;

import dev.agoratoken.token.AccessToken2Builder;
import dev.agoratoken.token.InvalidTokenParameterException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the HTTP service: routes, CORS, error shapes, request log and Jetty settings. It
 * holds no state of its own; {@link Main} starts and stops what {@link #create} returns.
 */
public final class TokenServer {
    static final Logger LOG = LoggerFactory.getLogger("agora-token-service");
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** In-flight requests get this long to finish on shutdown. */
    static final long STOP_TIMEOUT_MILLIS = 5_000;
    private static final String ALLOWED_METHODS = "GET, POST, OPTIONS";

    private TokenServer() {}

    public static Javalin create(ServerConfig config) {
        return create(config, InstantSource.system());
    }

    static Javalin create(ServerConfig config, InstantSource clock) {
        AccessToken2Builder tokens;
        try {
            // The builder reads the same clock as the routes, so expiresAt matches the token's issue time.
            tokens = new AccessToken2Builder(config.appId(), config.appCertificate(), clock);
        } catch (InvalidTokenParameterException e) {
            throw new IllegalArgumentException("ServerConfig.load validates the credentials: " + e.parameter(), e);
        }
        Map<String, Object> pong = new LinkedHashMap<>();
        pong.put("message", "pong");
        pong.put("version", version());
        if (config.demo()) {
            pong.put("demo", true);
        }
        TokenRoutes routes = new TokenRoutes(tokens, clock, config.defaultExpirySeconds(), pong);
        return Javalin.create(javalin -> configure(javalin, config, routes));
    }

    private static void configure(JavalinConfig javalin, ServerConfig config, TokenRoutes routes) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.router.ignoreTrailingSlashes = true;
        javalin.http.prefer405over404 = true;
        javalin.http.maxRequestSize = MAX_BODY_BYTES;
        javalin.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        // A small pool keeps latency flat on small instances: minting is CPU-bound, so threads
        // beyond a few per core only queue work on the scheduler instead of in Jetty.
        int cores = Runtime.getRuntime().availableProcessors();
        QueuedThreadPool pool = new QueuedThreadPool(Math.max(8, cores * 4), 2);
        pool.setName("http");
        javalin.jetty.threadPool = pool;
        javalin.jetty.modifyServer(server -> {
            // Read each request body completely, without holding a thread, before dispatching it:
            // a handler thread then never blocks on a client that sends its body slowly or not at
            // all, so a few stalled uploads cannot take the whole (small) pool.
            // It counts body bytes only (framing overhead 0) and refuses a body once it reaches
            // its limit, hence the + 1; Javalin's maxRequestSize stays the exact check.
            server.setHandler(new EagerContentHandler(
                    new EagerContentHandler.RetainedContentLoaderFactory(MAX_BODY_BYTES + 1, 0, true)));
            server.setStopTimeout(STOP_TIMEOUT_MILLIS);
            server.setErrorHandler(new JettyErrorHandler(config.cors()));
        });
        javalin.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));

        javalin.routes.before(ctx -> cors(ctx, config.cors()));
        javalin.routes.before(TokenServer::refuseDotSegments);
        routes.register(javalin.routes);

        javalin.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        javalin.routes.exception(InvalidTokenParameterException.class, (e, ctx) -> error(ctx, 400, e.reason()));
        javalin.routes.exception(HttpResponseException.class, (e, ctx) -> frameworkError(ctx, e.getStatus()));
        javalin.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), RequestLog.printable(ctx.path()), e);
            error(ctx, 500, JettyErrorHandler.describe(500));
        });
        javalin.requestLogger.http(RequestLog::log);
    }

    /**
     * CORS: an allowed origin is echoed back; a preflight is answered here; a request from a
     * browser origin that is not allowed is refused. Requests without an Origin header (curl,
     * mobile apps, servers) are not browser cross-origin requests and are always served.
     */
    private static void cors(Context ctx, CorsPolicy policy) {
        String origin = ctx.header("Origin");
        boolean preflight = ctx.method().name().equals("OPTIONS");
        // Always: a shared cache must not hand a response made for one origin to another.
        ctx.header("Vary", "Origin");
        if (origin != null) {
            if (!policy.allows(origin)) {
                ctx.skipRemainingHandlers();
                error(ctx, 403, "origin " + RequestInputs.quote(origin) + " is not allowed; the server's operator "
                        + "can add it to CORS_ALLOW_ORIGIN");
                return;
            }
            ctx.header("Access-Control-Allow-Origin", origin);
        }
        if (preflight) {
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Requested-With");
            ctx.header("Access-Control-Max-Age", "600");
            ctx.header("Allow", ALLOWED_METHODS);
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }

    /**
     * A "." or ".." segment, plain or percent-encoded, means "this" or "parent" to proxies and
     * caches, but Javalin routes the raw path and would take it as a path parameter (GET /rtm/..
     * minting a token for the user ".."). Refuse it, so the server and whatever is in front of it
     * agree on what a URL names.
     */
    private static void refuseDotSegments(Context ctx) {
        String path = ctx.path();
        if (path.indexOf('.') < 0 && path.indexOf('%') < 0) {
            return; // the common case, checked without splitting the path
        }
        for (String segment : path.split("/", -1)) {
            String decoded = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                throw ApiException.badRequest("the path has a \".\" or \"..\" segment; "
                        + "send the path of a route without them, e.g. /rtm/{userId}/");
            }
        }
    }

    private static void frameworkError(Context ctx, int status) {
        switch (status) {
            case 404:
                error(ctx, 404, notFound(ctx));
                break;
            case 405:
                ctx.header("Allow", ctx.path().startsWith("/getToken") ? "POST, OPTIONS" : "GET, OPTIONS");
                error(ctx, 405, ctx.method().name() + " is not supported on " + RequestLog.printable(ctx.path())
                        + "; token routes use GET, except POST /getToken");
                break;
            default:
                error(ctx, status, JettyErrorHandler.describe(status));
        }
    }

    private static String notFound(Context ctx) {
        return "no route for " + ctx.method().name() + " " + RequestLog.printable(ctx.path()) + "; try /rtc/{channel}/"
                + "{role}/uid/{uid}/, /rtm/{userId}/, /rte/..., /chat/app/, /chat/account/{userId}/, POST /getToken or /ping";
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.json(Json.error(status, message));
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = TokenServer.class.getResourceAsStream("/agora-token-service.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            LOG.warn("cannot read the build's version file: {}", e.getMessage());
        }
        return properties.getProperty("version", "unknown");
    }
}
