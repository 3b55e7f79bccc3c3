package io.edxstack.tutor;

import java.util.Set;
import java.util.regex.Pattern;

/** Which Tutor settings hold secrets: their values are never written or printed by the import. */
final class TutorSecretKeys {
    private static final Set<String> KNOWN = Set.of("ID", "MYSQL_ROOT_PASSWORD", "OPENEDX_MYSQL_PASSWORD",
            "OPENEDX_SECRET_KEY", "JWT_RSA_PRIVATE_KEY", "JWT_COMMON_SECRET_KEY", "MEILISEARCH_MASTER_KEY",
            "MEILISEARCH_API_KEY", "SMTP_PASSWORD", "MONGODB_PASSWORD", "REDIS_PASSWORD",
            "OPENEDX_AWS_SECRET_ACCESS_KEY", "MINIO_AWS_SECRET_ACCESS_KEY");
    /** Plugins follow the same naming: *_OAUTH2_SECRET, *_PASSWORD, *_SECRET_KEY, *_PRIVATE_KEY, *_TOKEN. */
    private static final Pattern NAMED_LIKE_A_SECRET = Pattern.compile(
            ".*(PASSWORD|SECRET|PRIVATE_KEY|_TOKEN|_API_KEY|MASTER_KEY)(_[A-Z0-9]+)?");

    private TutorSecretKeys() {
    }

    static boolean isSecret(String key) {
        return KNOWN.contains(key) || NAMED_LIKE_A_SECRET.matcher(key).matches();
    }
}
