package dev.agoratoken.server;

import io.javalin.Javalin;
import java.nio.file.Path;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** Starts the service: reads the configuration, serves until SIGTERM or SIGINT, then stops gracefully. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        ServerConfig config;
        try {
            config = ServerConfig.load(args, System.getenv(), Path.of(""));
        } catch (ConfigException e) {
            System.err.println("agora-token-service cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        announce(config);
        Javalin app = TokenServer.create(config).start(config.port());
        TokenServer.LOG.info("listening on port {}", app.port());

        // Handle the signals ourselves so a platform's stop (SIGTERM) ends with exit code 0
        // after in-flight requests finish, instead of the JVM's default 143.
        SignalHandler stop = signal -> {
            TokenServer.LOG.info("received SIG{}, finishing in-flight requests", signal.getName());
            app.stop();
            System.exit(0);
        };
        Signal.handle(new Signal("TERM"), stop);
        Signal.handle(new Signal("INT"), stop);
    }

    private static void announce(ServerConfig config) {
        if (config.demo()) {
            TokenServer.LOG.warn("**************************************************************************");
            TokenServer.LOG.warn("DEMO MODE: using built-in FAKE credentials (App ID {}).", config.appId());
            TokenServer.LOG.warn("Agora will REJECT these tokens. Set APP_ID and APP_CERTIFICATE for real ones.");
            TokenServer.LOG.warn("**************************************************************************");
        }
        if (config.corsFromDefault()) {
            TokenServer.LOG.info("CORS_ALLOW_ORIGIN is not set: allowing every origin (*)");
        }
        TokenServer.LOG.info("App ID {}, default token expiry {} s, CORS origins {}",
                config.appId(), config.defaultExpirySeconds(), config.cors());
    }
}
