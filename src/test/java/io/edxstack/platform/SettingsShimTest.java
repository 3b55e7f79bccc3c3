package io.edxstack.platform;

import static io.edxstack.platform.Rendered.CONFIG_MAP;
import static io.edxstack.platform.Rendered.map;
import static io.edxstack.platform.Rendered.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edxstack.render.DesiredState;
import io.edxstack.testing.TestProject;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings shim (edxstack_common.py) run by a real Python with the libraries edx-platform ships for it
 * (PyJWT, cryptography; Debian's python3-jwt and python3-cryptography, installed by scripts/install-test-servers),
 * on the settings edxstack renders for the demo platform. edx-platform itself cannot run here: the shim is
 * called the way edxstack_lms.py calls it, on the rendered YAML instead of the upstream production module.
 */
@Tag("integration")
class SettingsShimTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Loads the rendered settings, applies the shim, signs and verifies a token as edx-platform does. */
    private static final String DRIVER = """
            import json, sys
            import edxstack_common
            settings = json.load(open(sys.argv[1]))
            edxstack_common.apply(settings, sys.argv[2])
            auth = settings["JWT_AUTH"]
            if "JWT_PRIVATE_SIGNING_JWK" in auth:
                import jwt
                private = jwt.PyJWK(json.loads(auth["JWT_PRIVATE_SIGNING_JWK"]))
                public = jwt.PyJWKSet.from_json(auth["JWT_PUBLIC_SIGNING_JWK_SET"]).keys[0]
                token = jwt.encode({"sub": "learner"}, private.key, algorithm=auth["JWT_SIGNING_ALGORITHM"],
                                   headers={"kid": private.key_id})
                settings["verified"] = jwt.decode(token, public.key, algorithms=["RS512"])["sub"] == "learner"
            json.dump(settings, sys.stdout, default=str)
            """;

    private static final Map<String, String> ENV = Map.ofEntries(
            Map.entry("EDXSTACK_SECRET_KEY", "django-secret"),
            Map.entry("EDXSTACK_MYSQL_USERNAME", "openedx"),
            Map.entry("EDXSTACK_MYSQL_PASSWORD", "mysql-pass"),
            Map.entry("EDXSTACK_MONGODB_USERNAME", "openedx"),
            Map.entry("EDXSTACK_MONGODB_PASSWORD", "mongo-pass"),
            Map.entry("EDXSTACK_REDIS_PASSWORD", "redis-pass"),
            Map.entry("EDXSTACK_MEILISEARCH_API_KEY", "meili-key"),
            Map.entry("AWS_ACCESS_KEY_ID", "media-access"),
            Map.entry("AWS_SECRET_ACCESS_KEY", "media-secret"),
            Map.entry("EDXSTACK_JWT_SECRET_KEY", "jwt-common"),
            Map.entry("EDXSTACK_CMS_OAUTH2_SECRET", "cms-sso"));

    private static JsonNode settings(DesiredState state, String service) throws Exception {
        var configMap = named(state, CONFIG_MAP, "demo-" + service + "-settings-").get(0);
        return YAML.readTree((String) map(configMap.state().inputs(), "data").get(service + ".yml"));
    }

    private static JsonNode applyShim(Path dir, JsonNode settings, String service, Map<String, String> extraEnv)
            throws Exception {
        Files.createDirectories(dir);
        try (InputStream shim = SettingsShimTest.class.getResourceAsStream("/io/edxstack/platform/edxstack_common.py")) {
            Files.write(dir.resolve("edxstack_common.py"), shim.readAllBytes());
        }
        Files.writeString(dir.resolve("driver.py"), DRIVER);
        Path input = dir.resolve(service + ".json");
        JSON.writeValue(input.toFile(), settings);
        ProcessBuilder builder = new ProcessBuilder(PYTHON, "driver.py", input.toString(), service).directory(dir.toFile());
        builder.environment().putAll(ENV);
        builder.environment().putAll(extraEnv);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process python = builder.start();
        byte[] out = python.getInputStream().readAllBytes();
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), () -> new String(out, StandardCharsets.UTF_8));
        return JSON.readTree(out);
    }

    @Test
    void lmsSettings_getEveryCredentialFromTheEnvironment(@TempDir Path dir) throws Exception {
        JsonNode lms = applyShim(dir, settings(TestProject.REPOSITORY_RENDER.primary(), "lms"), "lms", Map.of());

        assertEquals("django-secret", lms.get("SECRET_KEY").asText());
        assertEquals("openedx", lms.at("/DATABASES/default/USER").asText());
        assertEquals("mysql-pass", lms.at("/DATABASES/default/PASSWORD").asText());
        assertEquals("mongo-pass", lms.at("/DOC_STORE_CONFIG/password").asText());
        assertEquals("mongo-pass", lms.at("/CONTENTSTORE/DOC_STORE_CONFIG/password").asText());
        lms.get("CACHES").forEach(cache ->
                assertTrue(cache.get("LOCATION").asText().startsWith("redis://:redis-pass@"), cache.toString()));
        assertEquals(lms.get("BROKER_URL"), lms.get("CELERY_BROKER_URL"));
        assertTrue(lms.get("BROKER_URL").asText().startsWith("redis://:redis-pass@"), lms.get("BROKER_URL").asText());
        assertEquals("meili-key", lms.get("MEILISEARCH_API_KEY").asText());
        assertEquals("media-secret", lms.get("AWS_SECRET_ACCESS_KEY").asText());
        assertEquals("jwt-common", lms.at("/JWT_AUTH/JWT_ISSUERS/0/SECRET_KEY").asText());
        assertEquals("https://learn.demo.example.org/oauth2", lms.at("/JWT_AUTH/JWT_ISSUERS/0/ISSUER").asText());
        assertTrue(lms.at("/JWT_AUTH/JWT_PRIVATE_SIGNING_JWK").isMissingNode(), "no signing key configured");
        assertTrue(lms.path("SOCIAL_AUTH_EDX_OAUTH2_SECRET").isMissingNode(), "the CMS's client secret stays out of the LMS");
    }

    @Test
    void tutorsPkcs1Key_becomesSigningJwksThatSignAndVerify(@TempDir Path dir) throws Exception {
        // Tutor's JWT_RSA_PRIVATE_KEY is PKCS#1 ("BEGIN RSA PRIVATE KEY").
        Process openssl = new ProcessBuilder("openssl", "genrsa", "-traditional", "2048").start();
        String pem = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0);
        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"), pem.lines().findFirst().orElse(""));

        JsonNode cms = applyShim(dir, settings(TestProject.REPOSITORY_RENDER.primary(), "cms"), "cms",
                Map.of("EDXSTACK_JWT_PRIVATE_KEY", pem));

        JsonNode jwt = cms.get("JWT_AUTH");
        JsonNode privateJwk = JSON.readTree(jwt.get("JWT_PRIVATE_SIGNING_JWK").asText());
        for (String field : List.of("kty", "kid", "n", "e", "d", "p", "q", "dp", "dq", "qi")) {
            assertTrue(privateJwk.has(field), "private JWK lacks " + field);
        }
        assertEquals("openedx", privateJwk.get("kid").asText());
        JsonNode publicJwk = JSON.readTree(jwt.get("JWT_PUBLIC_SIGNING_JWK_SET").asText()).at("/keys/0");
        assertEquals(privateJwk.get("n"), publicJwk.get("n"));
        for (String field : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertFalse(publicJwk.has(field), "public JWK set holds private " + field);
        }
        assertEquals("RS512", jwt.get("JWT_SIGNING_ALGORITHM").asText());
        assertTrue(cms.get("verified").asBoolean());
        assertEquals("cms-sso", cms.get("SOCIAL_AUTH_EDX_OAUTH2_SECRET").asText());
    }

    @Test
    void pkcs8Key_isCarriedOverNotReplaced(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        JsonNode lms = applyShim(dir, settings(TestProject.REPOSITORY_RENDER.primary(), "lms"), "lms",
                Map.of("EDXSTACK_JWT_PRIVATE_KEY", pem));

        JsonNode publicJwk = JSON.readTree(lms.at("/JWT_AUTH/JWT_PUBLIC_SIGNING_JWK_SET").asText()).at("/keys/0");
        BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(publicJwk.get("n").asText()));
        assertEquals(((RSAPublicKey) pair.getPublic()).getModulus(), modulus);
        assertTrue(lms.get("verified").asBoolean());
    }

    @Test
    void seed_derivesOneValidKeyPerSeed_inEveryProcess(@TempDir Path dir) throws Exception {
        JsonNode lmsSettings = settings(TestProject.REPOSITORY_RENDER.primary(), "lms");
        String seed = "3f".repeat(32);
        JsonNode first = applyShim(dir.resolve("a"), lmsSettings, "lms", Map.of("EDXSTACK_JWT_SIGNING_SEED", seed));
        JsonNode second = applyShim(dir.resolve("b"), settings(TestProject.REPOSITORY_RENDER.primary(), "cms"), "cms",
                Map.of("EDXSTACK_JWT_SIGNING_SEED", seed));
        JsonNode other = applyShim(dir.resolve("c"), lmsSettings, "lms", Map.of("EDXSTACK_JWT_SIGNING_SEED", "40".repeat(32)));

        JsonNode key = JSON.readTree(first.at("/JWT_AUTH/JWT_PRIVATE_SIGNING_JWK").asText());
        assertEquals(key, JSON.readTree(second.at("/JWT_AUTH/JWT_PRIVATE_SIGNING_JWK").asText()),
                "the LMS and the CMS, in separate processes, derive the same key");
        JsonNode otherKey = JSON.readTree(other.at("/JWT_AUTH/JWT_PRIVATE_SIGNING_JWK").asText());
        assertFalse(key.get("n").equals(otherKey.get("n")), "another seed, another key");
        assertTrue(first.get("verified").asBoolean() && second.get("verified").asBoolean());

        // Checked here with Java's own arithmetic, independent of the Python that made it.
        BigInteger p = number(key, "p");
        BigInteger q = number(key, "q");
        BigInteger n = number(key, "n");
        assertEquals(n, p.multiply(q));
        assertEquals(2048, n.bitLength());
        assertTrue(p.isProbablePrime(100) && q.isProbablePrime(100));
        assertEquals(BigInteger.valueOf(65537), number(key, "e"));
        BigInteger lambda = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE))
                .divide(p.subtract(BigInteger.ONE).gcd(q.subtract(BigInteger.ONE)));
        assertEquals(BigInteger.ONE, number(key, "e").multiply(number(key, "d")).mod(lambda));
    }

    private static BigInteger number(JsonNode jwk, String field) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get(field).asText()));
    }
}
