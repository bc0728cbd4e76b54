package dev.agoratoken.token.bench;

import dev.agoratoken.token.AccessToken2;
import dev.agoratoken.token.AccessToken2Builder;
import dev.agoratoken.token.RtcRole;
import dev.agoratoken.token.TokenDecoder;
import dev.agoratoken.token.TokenException;
import dev.agoratoken.token.TokenVerifier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The token library's hot paths, as the HTTP service calls them: minting with the production
 * builder (system clock, SecureRandom salt, so every token is new) and decoding + verifying a
 * token. Run with the command in docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenBenchmark {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";

    // Non-final fields, so the JIT cannot treat the inputs as constants.
    private String channelName = "7d72365eb983485397e3e3f9d460bdda";
    private long uid = 2882341273L;
    private String userId = "test_user";
    private int expireSeconds = 3600;

    private AccessToken2Builder builder;
    private TokenVerifier verifier;
    private String rtcToken;

    @Setup
    public void setUp() throws TokenException {
        builder = new AccessToken2Builder(APP_ID, APP_CERTIFICATE);
        verifier = new TokenVerifier(APP_ID, APP_CERTIFICATE);
        // Valid for 24 hours: far longer than any run.
        rtcToken = builder.rtcWithUid(channelName, uid, RtcRole.PUBLISHER, 86_400);
    }

    /** An RTC publisher token for a numeric uid: the service's most common request. */
    @Benchmark
    public String rtcPublisherToken() throws TokenException {
        return builder.rtcWithUid(channelName, uid, RtcRole.PUBLISHER, expireSeconds);
    }

    /** An RTM (Signaling) login token. */
    @Benchmark
    public String rtmToken() throws TokenException {
        return builder.rtm(userId, expireSeconds);
    }

    /** Decoding an RTC publisher token and verifying its App ID, signature and expiry. */
    @Benchmark
    public AccessToken2 decodeAndVerifyRtcToken() throws TokenException {
        AccessToken2 token = TokenDecoder.decodeAccessToken2(rtcToken);
        verifier.verify(token);
        return token;
    }
}
