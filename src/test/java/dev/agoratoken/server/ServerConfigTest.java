package dev.agoratoken.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ServerConfig.fromVariables and ServerConfig.load, without a server. */
class ServerConfigTest {
    private static final String APP_ID = TestServer.APP_ID;
    private static final String CERT = TestServer.APP_CERTIFICATE;
    /** Another well-formed pair, to tell apart where a value came from. */
    private static final String OTHER_APP_ID = "aaaabbbbccccddddeeeeffff00001111";
    private static final String OTHER_CERT = "1111000022223333444455556666abcd";
    private static final String[] NO_ARGS = {};

    private static Map<String, String> credentials(String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("APP_ID", APP_ID);
        env.put("APP_CERTIFICATE", CERT);
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static ServerConfig config(Map<String, String> env) throws ConfigException {
        return ServerConfig.fromVariables(NO_ARGS, env);
    }

    private static String refused(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> config(env)).getMessage();
    }

    /** Asserts the message holds neither the value nor any 8-character piece of it. */
    private static void assertNotEchoed(String message, String value) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (int i = 0; i + 8 <= value.length(); i++) {
            String piece = value.substring(i, i + 8).toLowerCase(Locale.ROOT);
            assertFalse(lower.contains(piece), () -> "message echoes part of the value: " + message);
        }
    }

    // Credentials

    @Test
    void validCredentials() throws ConfigException {
        ServerConfig config = config(credentials());
        assertEquals(APP_ID, config.appId());
        assertEquals(CERT, config.appCertificate());
        assertFalse(config.demo());
        assertEquals(8080, config.port());
        assertEquals(86_400, config.defaultExpirySeconds());
        assertTrue(config.cors().allowsEveryOrigin());
        assertTrue(config.corsFromDefault());
    }

    @Test
    void surroundingWhitespaceIsTrimmed() throws ConfigException {
        ServerConfig config = config(Map.of("APP_ID", " " + APP_ID + "\n", "APP_CERTIFICATE", "\t" + CERT + " "));
        assertEquals(APP_ID, config.appId());
        assertEquals(CERT, config.appCertificate());
    }

    @Test
    void missingAppIdIsNamed() {
        String message = refused(Map.of("APP_CERTIFICATE", CERT));
        assertTrue(message.contains("APP_ID"), message);
        assertNotEchoed(message, CERT);
    }

    @Test
    void missingCertificateIsNamed() {
        String message = refused(Map.of("APP_ID", APP_ID));
        assertTrue(message.contains("APP_CERTIFICATE"), message);
    }

    @Test
    void nothingSetNamesAppId() {
        String message = refused(Map.of());
        assertTrue(message.contains("APP_ID"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "970CA35de60c44645bbae8a215061b3", // 31
        "970CA35de60c44645bbae8a215061b33a", // 33
        "970CA35de60c44645bbae8a215061b3g", // non-hex
        "970CA35de60c4464 bbae8a215061b33",
        "970CA35de60c44645bbae8a215061b3\u00e9"
    })
    void invalidAppIdIsNamedWithoutTheValue(String value) {
        String message = refused(Map.of("APP_ID", value, "APP_CERTIFICATE", CERT));
        assertTrue(message.contains("APP_ID"), message);
        assertNotEchoed(message, value);
        assertNotEchoed(message, CERT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "5CFd2fd1755d40ecb72977518be15d3", // 31
        "5CFd2fd1755d40ecb72977518be15d3bb", // 33
        "5CFd2fd1755d40ecb72977518be15d3x", // non-hex
        "xCFd2fd1755d40ecb72977518be15d3b",
        "5CFd2fd1755d40ecb72977518be15d3b5CFd2fd1755d40ecb72977518be15d3b"
    })
    void invalidCertificateIsNamedWithoutTheValue(String value) {
        String message = refused(Map.of("APP_ID", APP_ID, "APP_CERTIFICATE", value));
        assertTrue(message.contains("APP_CERTIFICATE"), message);
        assertNotEchoed(message, value);
    }

    // Demo mode

    @Test
    void demoFlagWithoutCredentialsUsesTheDemoPair() throws ConfigException {
        ServerConfig config = ServerConfig.fromVariables(new String[] {"--demo"}, Map.of());
        assertTrue(config.demo());
        assertEquals(ServerConfig.DEMO_APP_ID, config.appId());
        assertEquals(ServerConfig.DEMO_APP_CERTIFICATE, config.appCertificate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", " true "})
    void demoVariableWithoutCredentialsUsesTheDemoPair(String value) throws ConfigException {
        ServerConfig config = config(Map.of("DEMO", value));
        assertTrue(config.demo());
        assertEquals(ServerConfig.DEMO_APP_ID, config.appId());
        assertEquals(ServerConfig.DEMO_APP_CERTIFICATE, config.appCertificate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "", "no", "0"})
    void otherDemoValuesDoNotEnableDemo(String value) {
        String message = refused(Map.of("DEMO", value));
        assertTrue(message.contains("APP_ID"), message);
    }

    @Test
    void demoWithRealCredentialsUsesTheRealOnes() throws ConfigException {
        ServerConfig flag = ServerConfig.fromVariables(new String[] {"--demo"}, credentials());
        assertFalse(flag.demo());
        assertEquals(APP_ID, flag.appId());
        assertEquals(CERT, flag.appCertificate());
        ServerConfig variable = config(credentials("DEMO", "true"));
        assertFalse(variable.demo());
        assertEquals(APP_ID, variable.appId());
        assertEquals(CERT, variable.appCertificate());
    }

    @Test
    void demoNeverMixesARealAppIdWithTheDemoCertificate() {
        String message = assertThrows(ConfigException.class,
                () -> ServerConfig.fromVariables(new String[] {"--demo"}, Map.of("APP_ID", APP_ID))).getMessage();
        assertTrue(message.contains("APP_CERTIFICATE"), message);
        message = assertThrows(ConfigException.class,
                () -> ServerConfig.fromVariables(new String[] {"--demo"}, Map.of("APP_CERTIFICATE", CERT))).getMessage();
        assertTrue(message.contains("APP_ID"), message);
    }

    // Port

    @Test
    void portPrecedence() throws ConfigException {
        assertEquals(9000, config(credentials("SERVER_PORT", "9000", "PORT", "9001")).port());
        assertEquals(9001, config(credentials("PORT", "9001")).port());
        assertEquals(9000, config(credentials("SERVER_PORT", "9000")).port());
        assertEquals(8080, config(credentials()).port());
        assertEquals(9001, config(credentials("SERVER_PORT", "  ", "PORT", "9001")).port(), "blank counts as unset");
        assertEquals(0, config(credentials("PORT", "0")).port());
        assertEquals(65_535, config(credentials("PORT", "65535")).port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "65536", "70000", "-1", "+8080", "８０８０", "80.5", "8080x", "99999999999"})
    void invalidPortIsNamed(String value) {
        String message = refused(credentials("SERVER_PORT", value));
        assertTrue(message.contains("SERVER_PORT"), message);
        message = refused(credentials("PORT", value));
        assertTrue(message.contains("PORT"), message);
        assertTrue(message.contains("65535"), message);
    }

    @Test
    void invalidServerPortIsReportedEvenWhenPortIsValid() {
        String message = refused(credentials("SERVER_PORT", "abc", "PORT", "9001"));
        assertTrue(message.contains("SERVER_PORT"), message);
    }

    // Default expiry

    @ParameterizedTest
    @ValueSource(ints = {1, 60, 86_400})
    void defaultExpiryWithinBounds(int seconds) throws ConfigException {
        assertEquals(seconds, config(credentials("TOKEN_DEFAULT_EXPIRY", Integer.toString(seconds))).defaultExpirySeconds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "86401", "abc", "-5", "1.5", "4294967297"})
    void defaultExpiryOutOfBoundsIsNamed(String value) {
        String message = refused(credentials("TOKEN_DEFAULT_EXPIRY", value));
        assertTrue(message.contains("TOKEN_DEFAULT_EXPIRY"), message);
        assertTrue(message.contains("1 to 86400"), message);
    }

    @Test
    void blankDefaultExpiryIsADay() throws ConfigException {
        assertEquals(86_400, config(credentials("TOKEN_DEFAULT_EXPIRY", "")).defaultExpirySeconds());
    }

    // CORS

    @Test
    void corsStarAllowsEveryOrigin() throws ConfigException {
        ServerConfig config = config(credentials("CORS_ALLOW_ORIGIN", " * "));
        assertTrue(config.cors().allowsEveryOrigin());
        assertFalse(config.corsFromDefault(), "set explicitly");
        assertTrue(config.cors().allows("https://anything.example"));
    }

    @Test
    void corsListWithSpacesAndTrailingSlashes() throws ConfigException {
        CorsPolicy cors = config(credentials("CORS_ALLOW_ORIGIN",
                " https://a.example/ , http://localhost:3000,https://B.example// ,")).cors();
        assertFalse(cors.allowsEveryOrigin());
        assertTrue(cors.allows("https://a.example"));
        assertTrue(cors.allows("http://localhost:3000"));
        assertTrue(cors.allows("https://b.example"), "origins compare case-insensitively");
        assertFalse(cors.allows("https://a.example/"));
        assertFalse(cors.allows("http://a.example"));
        assertFalse(cors.allows("https://c.example"));
        assertFalse(cors.allows("http://localhost:3001"));
        assertFalse(cors.allows(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x", ",,", " , ", "a.example", "https://a.example,*", "*,https://a.example", "//a.example"})
    void invalidCorsIsNamed(String value) {
        String message = refused(credentials("CORS_ALLOW_ORIGIN", value));
        assertTrue(message.contains("CORS_ALLOW_ORIGIN"), message);
    }

    @Test
    void blankCorsIsTheDefault() throws ConfigException {
        ServerConfig config = config(credentials("CORS_ALLOW_ORIGIN", "  "));
        assertTrue(config.cors().allowsEveryOrigin());
        assertTrue(config.corsFromDefault());
    }

    // .env

    private static void writeEnv(Path dir, String text) throws IOException {
        Files.writeString(dir.resolve(".env"), text, StandardCharsets.UTF_8);
    }

    @Test
    void valuesAreReadFromDotEnv(@TempDir Path dir) throws Exception {
        writeEnv(dir, "# project credentials\nAPP_ID=" + APP_ID + "\nAPP_CERTIFICATE=\"" + CERT + "\"\n"
                + "PORT=9100\nTOKEN_DEFAULT_EXPIRY=600\nCORS_ALLOW_ORIGIN=https://a.example\n");
        ServerConfig config = ServerConfig.load(NO_ARGS, Map.of(), dir);
        assertEquals(APP_ID, config.appId());
        assertEquals(CERT, config.appCertificate());
        assertEquals(9100, config.port());
        assertEquals(600, config.defaultExpirySeconds());
        assertTrue(config.cors().allows("https://a.example"));
        assertFalse(config.cors().allows("https://b.example"));
        assertFalse(config.demo());
    }

    @Test
    void noDotEnvIsFine(@TempDir Path dir) throws Exception {
        ServerConfig config = ServerConfig.load(NO_ARGS, credentials(), dir);
        assertEquals(APP_ID, config.appId());
        String message = assertThrows(ConfigException.class, () -> ServerConfig.load(NO_ARGS, Map.of(), dir)).getMessage();
        assertTrue(message.contains("APP_ID"), message);
    }

    @Test
    void theRealEnvironmentWinsOverDotEnv(@TempDir Path dir) throws Exception {
        writeEnv(dir, "APP_ID=" + APP_ID + "\nAPP_CERTIFICATE=" + CERT + "\nPORT=9100\n");
        ServerConfig config = ServerConfig.load(NO_ARGS,
                Map.of("APP_ID", OTHER_APP_ID, "APP_CERTIFICATE", OTHER_CERT, "PORT", "9200"), dir);
        assertEquals(OTHER_APP_ID, config.appId());
        assertEquals(OTHER_CERT, config.appCertificate());
        assertEquals(9200, config.port());
    }

    @Test
    void dotEnvFillsInWhatTheEnvironmentLacks(@TempDir Path dir) throws Exception {
        writeEnv(dir, "APP_CERTIFICATE=" + CERT + "\nTOKEN_DEFAULT_EXPIRY=120\n");
        ServerConfig config = ServerConfig.load(NO_ARGS, Map.of("APP_ID", OTHER_APP_ID), dir);
        assertEquals(OTHER_APP_ID, config.appId());
        assertEquals(CERT, config.appCertificate());
        assertEquals(120, config.defaultExpirySeconds());
    }

    /** A variable exported empty (e.g. from a template) is unset, so it must not hide the .env value. */
    @Test
    void blankEnvironmentValuesDoNotHideDotEnv(@TempDir Path dir) throws Exception {
        writeEnv(dir, "APP_ID=" + APP_ID + "\nAPP_CERTIFICATE=" + CERT + "\nPORT=9100\n");
        ServerConfig config = ServerConfig.load(NO_ARGS, Map.of("APP_ID", "", "APP_CERTIFICATE", "  ", "PORT", ""), dir);
        assertEquals(APP_ID, config.appId());
        assertEquals(CERT, config.appCertificate());
        assertEquals(9100, config.port());
    }

    @Test
    void blankDotEnvValuesCountAsUnset(@TempDir Path dir) throws Exception {
        writeEnv(dir, "APP_ID=\nAPP_CERTIFICATE=\nPORT=\nTOKEN_DEFAULT_EXPIRY=\nCORS_ALLOW_ORIGIN=\n");
        String message = assertThrows(ConfigException.class, () -> ServerConfig.load(NO_ARGS, Map.of(), dir)).getMessage();
        assertTrue(message.contains("APP_ID") && message.contains("not set"), message);
        ServerConfig config = ServerConfig.load(NO_ARGS, credentials(), dir);
        assertEquals(8080, config.port());
        assertEquals(86_400, config.defaultExpirySeconds());
        assertTrue(config.corsFromDefault());
        ServerConfig demo = ServerConfig.load(new String[] {"--demo"}, Map.of(), dir);
        assertTrue(demo.demo(), "blank credentials in .env do not block demo mode");
    }

    @Test
    void malformedDotEnvLineDoesNotEchoTheValue(@TempDir Path dir) throws Exception {
        writeEnv(dir, "APP_ID=" + APP_ID + "\nAPP_CERTIFICATE=\"" + CERT + "\nPORT=9100\n");
        String message = assertThrows(ConfigException.class, () -> ServerConfig.load(NO_ARGS, Map.of(), dir)).getMessage();
        assertTrue(message.contains(".env"), message);
        assertNotEchoed(message, CERT);
    }

    @Test
    void unclosedSingleQuoteInDotEnvIsNotEchoed(@TempDir Path dir) throws Exception {
        writeEnv(dir, "APP_ID=" + APP_ID + "\nAPP_CERTIFICATE='" + OTHER_CERT + "\n");
        String message = assertThrows(ConfigException.class, () -> ServerConfig.load(NO_ARGS, Map.of(), dir))
                .getMessage();
        assertTrue(message.contains("APP_CERTIFICATE") || message.contains(".env"), message);
        assertNotEchoed(message, OTHER_CERT);
    }

    @Test
    void invalidDotEnvCertificateIsNotEchoed(@TempDir Path dir) throws Exception {
        String typo = CERT.substring(0, 31) + "z";
        writeEnv(dir, "APP_ID=" + APP_ID + "\nAPP_CERTIFICATE=" + typo + "\n");
        String message = assertThrows(ConfigException.class, () -> ServerConfig.load(NO_ARGS, Map.of(), dir)).getMessage();
        assertTrue(message.contains("APP_CERTIFICATE"), message);
        assertNotEchoed(message, typo);
    }

    // toString

    @Test
    void toStringNeverShowsTheCertificate() throws ConfigException {
        ServerConfig config = config(credentials("CORS_ALLOW_ORIGIN", "https://a.example"));
        String text = config.toString();
        assertNotEchoed(text, CERT);
        assertTrue(text.contains(APP_ID), text);
        ServerConfig demo = ServerConfig.fromVariables(new String[] {"--demo"}, Map.of());
        assertNotEchoed(demo.toString(), ServerConfig.DEMO_APP_CERTIFICATE);
    }
}
