package io.edxstack.backup;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command lines for mongodump and mongorestore (MongoDB Database Tools 100.x). The URI and password reach the
 * tools through {@code --config}, a YAML file the tools read once, served from a {@link CredentialsPipe}: the
 * tools take no password from the environment, and the command line is world-readable.
 */
public final class MongoTools {
    public static final String DEFAULT_DUMP_TOOL = "mongodump";
    public static final String DEFAULT_RESTORE_TOOL = "mongorestore";

    private MongoTools() {
    }

    /** The --config file's content: the secrets, and nothing else. */
    public static String credentialsYaml(MongoConnection db) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("uri", db.uri());
        if (!db.password().isEmpty()) {
            config.put("password", db.password());
        }
        try {
            return io.edxstack.reading.Mappers.yaml().build().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("MongoDB credentials cannot be written as YAML", e);
        }
    }

    /** One database as a single archive on stdout, the shape that streams through zstd to S3. */
    public static ToolInvocation dump(MongoConnection db, String tool, Path credentials) {
        return new ToolInvocation(List.of(tool, "--config=" + credentials, "--db=" + db.database(), "--archive"),
                Map.of());
    }

    /**
     * Loads an archive read on stdin into staged collections of the same database: --nsFrom/--nsTo rename every
     * {@code db.coll} to {@code db.<stagingPrefix>coll} on the way, so the live collections are not touched until
     * {@link MongoStagingSwap} renames the staged ones into place. --drop empties staged collections a killed earlier
     * attempt may have left; --stopOnError makes any failed insert fail the restore.
     */
    public static ToolInvocation restoreIntoStaging(MongoConnection db, String tool, Path credentials,
                                                    String stagingPrefix) {
        String database = db.database();
        return new ToolInvocation(List.of(tool, "--config=" + credentials, "--archive", "--drop", "--stopOnError",
                "--nsInclude=" + database + ".*", "--nsFrom=" + database + ".$coll$",
                "--nsTo=" + database + "." + stagingPrefix + "$coll$"), Map.of());
    }
}
