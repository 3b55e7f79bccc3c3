package io.edxstack.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.PlatformSpec.ServiceSpec;
import io.edxstack.config.StackConfig;
import io.edxstack.config.StackConfig.S3Credentials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The platform's credentials, each held in a Kubernetes Secret and handed to containers by reference:
 * derived ones in Secrets the stack writes (values computed inside an {@link Output#ofSecret} so they stay
 * secret in the engine, the state and render), external ones in Secrets the operator created.
 */
final class PlatformSecrets {
    static final String OPENEDX = "openedx-secrets";
    static final String MYSQL = "mysql-credentials";
    static final String MONGODB = "mongodb-credentials";
    static final String REDIS = "redis-credentials";
    static final String MEILISEARCH = "meilisearch-credentials";
    static final String ADMIN = "admin-credentials";
    static final String MEDIA = "media-s3-credentials";
    /** Usernames of the databases run in the namespace (Tutor's OPENEDX_MYSQL_USERNAME and MongoDB's root). */
    static final String OPENEDX_USER = "openedx";

    final SecretRef secretKey = new SecretRef(OPENEDX, "SECRET_KEY");
    final SecretRef cmsOauth2 = new SecretRef(OPENEDX, "CMS_OAUTH2_SECRET");
    final SecretRef jwtSecretKey = new SecretRef(OPENEDX, "JWT_SECRET_KEY");
    final SecretRef mysqlRoot = new SecretRef(MYSQL, "root-password");
    final Credentials mysql;
    final Credentials mongodb;
    final SecretRef redisPassword;
    final SecretRef meilisearchMasterKey = new SecretRef(MEILISEARCH, "master-key");
    final SecretRef meilisearchApiKeyUid = new SecretRef(MEILISEARCH, "api-key-uid");
    final SecretRef meilisearchApiKey;
    final Optional<Credentials> smtp;
    final SecretRef mediaAccessKey;
    final SecretRef mediaSecretKey;
    final SecretRef adminPassword = new SecretRef(ADMIN, "password");
    /** Tutor's JWT_RSA_PRIVATE_KEY kept from a previous installation, in an existing Secret. */
    final Optional<SecretRef> jwtPrivateKey;
    /** Without one, the pods derive the signing key from this seed: one key per platform, the same in both regions. */
    final SecretRef jwtSigningSeed = new SecretRef(OPENEDX, "JWT_SIGNING_SEED");
    private final List<Secret> created = new ArrayList<>();

    /** A username and password; an absent username means {@value #OPENEDX_USER}. */
    record Credentials(Optional<SecretRef> username, SecretRef password) {
    }

    PlatformSecrets(PlatformScope scope) {
        PlatformSpec spec = scope.spec();
        String platform = spec.name();
        Output<SecretDerivation> keys = Output.ofSecret(scope.stack().workloads().masterKey().reveal())
                .applyValue(SecretDerivation::new);
        var services = spec.services();
        mysql = credentials(services.mysql(), MYSQL);
        mongodb = credentials(services.mongodb(), MONGODB);
        redisPassword = services.redis().internal() ? new SecretRef(REDIS, "password") : externalRef(services.redis(), "password");
        meilisearchApiKey = services.meilisearch().internal() ? new SecretRef(MEILISEARCH, "api-key")
                : externalRef(services.meilisearch(), "api-key");
        smtp = services.smtp().existingSecret().map(name ->
                new Credentials(Optional.of(new SecretRef(name, "username")), new SecretRef(name, "password")));
        jwtPrivateKey = spec.jwtKeySecret().map(name -> new SecretRef(name, "private.pem"));
        var media = scope.stack().workloads().media();
        String mediaSecret = media.credentials().isPresent() ? MEDIA : media.credentialsSecret();
        mediaAccessKey = new SecretRef(mediaSecret, "AWS_ACCESS_KEY_ID");
        mediaSecretKey = new SecretRef(mediaSecret, "AWS_SECRET_ACCESS_KEY");

        boolean derivedJwtKey = jwtPrivateKey.isEmpty();
        secret(scope, OPENEDX, keys.applyValue(k -> {
            Map<String, String> values = ordered(
                    "SECRET_KEY", k.hex(platform, "django/secret-key"),
                    "CMS_OAUTH2_SECRET", k.password(platform, "oauth2/cms-sso"),
                    "JWT_SECRET_KEY", k.password(platform, "jwt/common-secret-key"));
            if (derivedJwtKey) {
                values.put("JWT_SIGNING_SEED", k.hex(platform, "jwt/rsa-signing-key"));
            }
            return values;
        }));
        if (services.mysql().internal()) {
            secret(scope, MYSQL, keys.applyValue(k -> ordered(
                    "root-password", k.password(platform, "mysql/root"),
                    "username", OPENEDX_USER,
                    "password", k.password(platform, "mysql/openedx"))));
        }
        if (services.mongodb().internal()) {
            secret(scope, MONGODB, keys.applyValue(k -> ordered(
                    "username", OPENEDX_USER,
                    "password", k.password(platform, "mongodb/openedx"))));
        }
        if (services.redis().internal()) {
            secret(scope, REDIS, keys.applyValue(k -> ordered("password", k.password(platform, "redis/default"))));
        }
        if (services.meilisearch().internal()) {
            secret(scope, MEILISEARCH, keys.applyValue(k -> meilisearch(k, platform)));
        }
        spec.admin().ifPresent(admin -> secret(scope, ADMIN, keys.applyValue(k -> ordered(
                "username", admin.username(), "email", admin.email(),
                "password", k.password(platform, "admin/password")))));
        media.credentials().ifPresent(credentials -> secret(scope, MEDIA, mediaCredentials(credentials)));
    }

    /** The Secrets this stack writes: workloads that read them wait for them. */
    List<Secret> created() {
        return List.copyOf(created);
    }

    /** Pre-existing Secrets the platform reads, for the namespace's {@code edxstack.io/external-secrets}. */
    static Set<String> externalSecretNames(PlatformSpec spec, StackConfig stack) {
        Set<String> names = new TreeSet<>();
        spec.services().byName().values().stream()
                .filter(service -> !service.internal())
                .forEach(service -> service.existingSecret().ifPresent(names::add));
        spec.jwtKeySecret().ifPresent(names::add);
        var media = stack.workloads().media();
        if (media.credentials().isEmpty()) {
            names.add(media.credentialsSecret());
        }
        return names;
    }

    private static Credentials credentials(ServiceSpec service, String internalSecret) {
        if (service.internal()) {
            return new Credentials(Optional.empty(), new SecretRef(internalSecret, "password"));
        }
        return new Credentials(Optional.of(externalRef(service, "username")), externalRef(service, "password"));
    }

    private static SecretRef externalRef(ServiceSpec service, String key) {
        return new SecretRef(service.existingSecret().orElseThrow(), key);
    }

    private void secret(PlatformScope scope, String name, Output<Map<String, String>> data) {
        created.add(new Secret(scope.name(name), SecretArgs.builder()
                .metadata(scope.metadata(name, scope.labels(name, "credentials")))
                .type("Opaque")
                .stringData(data)
                .build(), scope.options()));
    }

    private static Map<String, String> meilisearch(SecretDerivation keys, String platform) {
        String master = keys.hex(platform, "meilisearch/master-key");
        String uid = keys.uuid(platform, "meilisearch/api-key-uid");
        return ordered("master-key", master, "api-key-uid", uid,
                "api-key", SecretDerivation.meilisearchApiKey(master, uid));
    }

    private static Output<Map<String, String>> mediaCredentials(S3Credentials credentials) {
        Function<String, Output<String>> secret = Output::ofSecret;
        return Output.tuple(secret.apply(credentials.accessKeyId().reveal()),
                        secret.apply(credentials.secretAccessKey().reveal()))
                .applyValue(t -> ordered("AWS_ACCESS_KEY_ID", t.t1, "AWS_SECRET_ACCESS_KEY", t.t2));
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
