package dev.agoratoken.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agora's official test vectors, reproduced byte for byte. The vectors file lives outside the
 * repository (../shared/vectors); a copy is kept under src/test/resources so the suite runs
 * anywhere, and {@link #bundledCopyMatchesSharedFile()} guards against the two drifting apart.
 */
class OfficialVectorsTest {
    private static final JsonNode VECTORS = load();
    private static final JsonNode COMMON = VECTORS.get("common");
    private static final String APP_ID = COMMON.get("appId").asText();
    private static final String CERTIFICATE = COMMON.get("appCertificate").asText();

    private static JsonNode load() {
        try (var in = OfficialVectorsTest.class.getResourceAsStream("/official-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Named<JsonNode>> accessToken2Vectors() {
        List<Named<JsonNode>> out = new ArrayList<>();
        VECTORS.get("accessToken2").forEach(v -> out.add(Named.of(v.get("name").asText(), v)));
        return out.stream();
    }

    static Stream<Named<JsonNode>> accessToken006Vectors() {
        List<Named<JsonNode>> out = new ArrayList<>();
        VECTORS.get("accessToken006").forEach(v -> out.add(Named.of(v.get("name").asText(), v)));
        return out.stream();
    }

    private static Privileges privileges(JsonNode node) {
        Map<Integer, Long> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
        return Privileges.fromMap(map);
    }

    private static Service service(JsonNode node) {
        Privileges privileges = privileges(node.get("privileges"));
        return switch (node.get("type").asInt()) {
            case 1 -> new Service.Rtc(node.get("channelName").asText(), node.get("uid").asText(), privileges);
            case 2 -> new Service.Rtm(node.get("userId").asText(), privileges);
            case 5 -> new Service.Chat(node.get("userId").asText(), privileges);
            default -> throw new IllegalArgumentException("vector uses service " + node.get("type"));
        };
    }

    private static AccessToken2Builder fixedBuilder() throws InvalidTokenParameterException {
        InstantSource clock = InstantSource.fixed(Instant.ofEpochSecond(COMMON.get("issueTs").asLong()));
        int salt = COMMON.get("salt").asInt();
        return new AccessToken2Builder(APP_ID, CERTIFICATE, clock, () -> salt);
    }

    @ParameterizedTest
    @MethodSource("accessToken2Vectors")
    void buildReproducesAccessToken2Vector(JsonNode vector) throws Exception {
        List<Service> services = new ArrayList<>();
        vector.get("services").forEach(s -> services.add(service(s)));
        String token = fixedBuilder().build(COMMON.get("expire").asInt(), services.toArray(Service[]::new));
        assertEquals(vector.get("token").asText(), token);
    }

    @ParameterizedTest
    @MethodSource("accessToken2Vectors")
    void decodeReadsAccessToken2VectorBack(JsonNode vector) throws Exception {
        AccessToken2 token = TokenDecoder.decodeAccessToken2(vector.get("token").asText());
        assertEquals(APP_ID, token.appId());
        assertEquals(COMMON.get("issueTs").asLong(), token.issueTs());
        assertEquals(COMMON.get("expire").asLong(), token.expire());
        assertEquals(COMMON.get("salt").asLong(), token.salt());
        List<Service> expected = new ArrayList<>();
        vector.get("services").forEach(s -> expected.add(service(s)));
        assertEquals(expected, token.services());
        InstantSource beforeExpiry = InstantSource.fixed(Instant.ofEpochSecond(token.issueTs() + 1));
        new TokenVerifier(APP_ID, CERTIFICATE, beforeExpiry).verify(token);
    }

    @ParameterizedTest
    @MethodSource("accessToken006Vectors")
    void buildReproducesAccessToken006Vector(JsonNode vector) throws Exception {
        long ts = vector.get("ts").asLong();
        int salt = vector.get("salt").asInt();
        // The builder writes ts = now + 24 h, so the clock stands 24 h before the vector's ts.
        InstantSource clock = InstantSource.fixed(Instant.ofEpochSecond(ts - 86_400));
        AccessToken006Builder builder = new AccessToken006Builder(APP_ID, CERTIFICATE, clock, () -> salt);
        String token = builder.build(vector.get("channelName").asText(), vector.get("uid").asText(),
                privileges(vector.get("privileges")));
        assertEquals(vector.get("token").asText(), token);
    }

    @ParameterizedTest
    @MethodSource("accessToken006Vectors")
    void decodeReadsAccessToken006VectorBack(JsonNode vector) throws Exception {
        AccessToken006 token = (AccessToken006) TokenDecoder.decode(vector.get("token").asText());
        assertEquals(APP_ID, token.appId());
        assertEquals(vector.get("ts").asLong(), token.ts());
        assertEquals(vector.get("salt").asLong(), token.salt());
        assertEquals(privileges(vector.get("privileges")), token.privileges());
        assertEquals(AccessToken006Codec.crc32(vector.get("channelName").asText()), token.channelNameCrc());
        assertEquals(AccessToken006Codec.crc32(vector.get("uid").asText()), token.uidCrc());
        InstantSource beforeExpiry = InstantSource.fixed(Instant.ofEpochSecond(token.ts() - 1));
        new TokenVerifier(APP_ID, CERTIFICATE, beforeExpiry)
                .verify(token, vector.get("channelName").asText(), vector.get("uid").asText());
    }

    @org.junit.jupiter.api.Test
    void bundledCopyMatchesSharedFile() throws IOException {
        Path shared = Path.of("..", "shared", "vectors", "official-vectors.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared), "no ../shared beside this checkout");
        assertEquals(new ObjectMapper().readTree(shared.toFile()), VECTORS);
    }
}
