package io.edxstack.backup.contract;

/**
 * Where backups live in the bucket: {@code <prefix>/<platform>/<kind>/<id>.<ext>.zst} with
 * {@code <id>.manifest.json} beside it; a backup exists when its manifest does.
 */
public final class BucketLayout {
    /** The key prefix when none is set ({@link AgentEnv#S3_PREFIX}). */
    public static final String DEFAULT_PREFIX = "backups";
    public static final String MANIFEST_SUFFIX = ".manifest.json";
    public static final String DATA_SUFFIX = ".zst";

    private BucketLayout() {
    }

    /** The folder, ending with '/', of one platform's backups of one database kind; prefix without slashes. */
    public static String folder(String prefix, String platform, DatabaseKind kind) {
        return (prefix.isEmpty() ? "" : prefix + "/") + platform + "/" + kind.label() + "/";
    }

    public static String dataName(String id, DatabaseKind kind) {
        return id + "." + kind.dumpExtension() + DATA_SUFFIX;
    }

    public static String manifestName(String id) {
        return id + MANIFEST_SUFFIX;
    }
}
