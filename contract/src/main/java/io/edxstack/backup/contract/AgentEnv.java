package io.edxstack.backup.contract;

/**
 * The environment variables the agent reads its settings from (each the default of a flag, docs/backup-agent.md),
 * which the backup CronJobs set. Compile-time constants, so that picocli's {@code defaultValue}s can use them.
 */
public final class AgentEnv {
    public static final String PLATFORM = "EDXSTACK_PLATFORM";
    public static final String REGION = "EDXSTACK_REGION";
    public static final String STACK_ROLE = "EDXSTACK_STACK_ROLE";
    public static final String PROGRESS_INTERVAL = "EDXSTACK_PROGRESS_INTERVAL";
    public static final String DEBUG = "EDXSTACK_DEBUG";

    public static final String S3_ENDPOINT = "EDXSTACK_S3_ENDPOINT";
    public static final String S3_REGION = "EDXSTACK_S3_REGION";
    public static final String S3_BUCKET = "EDXSTACK_S3_BUCKET";
    public static final String S3_PREFIX = "EDXSTACK_S3_PREFIX";
    public static final String S3_MAX_ATTEMPTS = "EDXSTACK_S3_MAX_ATTEMPTS";
    public static final String S3_STALL_TIMEOUT = "EDXSTACK_S3_STALL_TIMEOUT";
    /** The AWS SDK's own names, so that the usual tooling works with the same Secret. */
    public static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String S3_SECRET_KEY_FILE = "EDXSTACK_S3_SECRET_KEY_FILE";

    public static final String COPY_S3_ENDPOINT = "EDXSTACK_COPY_S3_ENDPOINT";
    public static final String COPY_S3_REGION = "EDXSTACK_COPY_S3_REGION";
    public static final String COPY_S3_BUCKET = "EDXSTACK_COPY_S3_BUCKET";

    public static final String MYSQL_HOST = "EDXSTACK_MYSQL_HOST";
    public static final String MYSQL_PORT = "EDXSTACK_MYSQL_PORT";
    public static final String MYSQL_USER = "EDXSTACK_MYSQL_USER";
    public static final String MYSQL_PASSWORD = "EDXSTACK_MYSQL_PASSWORD";
    public static final String MYSQL_PASSWORD_FILE = "EDXSTACK_MYSQL_PASSWORD_FILE";
    public static final String MYSQL_DATABASE = "EDXSTACK_MYSQL_DATABASE";

    public static final String MONGODB_URI = "EDXSTACK_MONGODB_URI";
    public static final String MONGODB_USER = "EDXSTACK_MONGODB_USER";
    public static final String MONGODB_PASSWORD = "EDXSTACK_MONGODB_PASSWORD";
    public static final String MONGODB_PASSWORD_FILE = "EDXSTACK_MONGODB_PASSWORD_FILE";
    public static final String MONGODB_DATABASE = "EDXSTACK_MONGODB_DATABASE";

    public static final String DUMP_TOOL = "EDXSTACK_DUMP_TOOL";
    public static final String LOAD_TOOL = "EDXSTACK_LOAD_TOOL";
    public static final String LOAD_SESSIONS = "EDXSTACK_LOAD_SESSIONS";
    public static final String PART_SIZE = "EDXSTACK_PART_SIZE";
    public static final String UPLOAD_CONCURRENCY = "EDXSTACK_UPLOAD_CONCURRENCY";
    public static final String ZSTD_LEVEL = "EDXSTACK_ZSTD_LEVEL";
    public static final String ZSTD_WORKERS = "EDXSTACK_ZSTD_WORKERS";

    public static final String KEEP_DAILY = "EDXSTACK_KEEP_DAILY";
    public static final String KEEP_WEEKLY = "EDXSTACK_KEEP_WEEKLY";
    public static final String MIN_KEEP = "EDXSTACK_MIN_KEEP";
    public static final String PRUNE_GRACE = "EDXSTACK_PRUNE_GRACE";

    private AgentEnv() {
    }

    public static String user(DatabaseKind kind) {
        return kind == DatabaseKind.MYSQL ? MYSQL_USER : MONGODB_USER;
    }

    public static String passwordFile(DatabaseKind kind) {
        return kind == DatabaseKind.MYSQL ? MYSQL_PASSWORD_FILE : MONGODB_PASSWORD_FILE;
    }

    public static String database(DatabaseKind kind) {
        return kind == DatabaseKind.MYSQL ? MYSQL_DATABASE : MONGODB_DATABASE;
    }
}
