package dev.agoratoken.server;

import io.javalin.Javalin;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.filter.Filter;
import io.restassured.specification.RequestSpecification;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A real server on a free port, configured from a map as if it were the environment. Every
 * response body a test receives is recorded for {@link SecretsNeverLeakTest}.
 */
final class TestServer implements AutoCloseable {
    /** The credentials of Agora's official test vectors: a well-formed pair that is not anyone's secret. */
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";

    static final Queue<String> RECORDED_BODIES = new ConcurrentLinkedQueue<>();
    private static final Filter RECORDER = (request, response, ctx) -> {
        var result = ctx.next(request, response);
        RECORDED_BODIES.add(result.asString());
        RECORDED_BODIES.add(result.getHeaders().toString());
        return result;
    };

    private final Javalin app;
    final ServerConfig config;

    private TestServer(ServerConfig config, InstantSource clock) {
        this.config = config;
        this.app = TokenServer.create(config, clock).start(0);
    }

    /** A server with the test credentials and whatever else {@code env} sets. */
    static TestServer start(Map<String, String> env) {
        Map<String, String> variables = new HashMap<>();
        variables.put("APP_ID", APP_ID);
        variables.put("APP_CERTIFICATE", APP_CERTIFICATE);
        variables.putAll(env);
        return startExactly(variables, List.of(), InstantSource.system());
    }

    private static TestServer shared;

    /**
     * The one server with the default test configuration, shared by every class that needs no
     * other: started on first use and left running until the test JVM exits, which saves a
     * start and a graceful stop per class.
     */
    static synchronized TestServer shared() {
        if (shared == null) {
            shared = start(Map.of());
        }
        return shared;
    }

    /** A server configured from exactly these variables and arguments. */
    static TestServer startExactly(Map<String, String> env, List<String> args, InstantSource clock) {
        try {
            return new TestServer(ServerConfig.fromVariables(args.toArray(String[]::new), env), clock);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    int port() {
        return app.port();
    }

    /** A REST Assured request aimed at this server, recording its response. */
    RequestSpecification request() {
        return RestAssured.given(new RequestSpecBuilder()
                .setBaseUri("http://localhost")
                .setPort(port())
                .addFilter(RECORDER)
                .build())
                .urlEncodingEnabled(false); // tests send exactly the bytes they mean
    }

    @Override
    public void close() {
        app.stop();
    }
}
