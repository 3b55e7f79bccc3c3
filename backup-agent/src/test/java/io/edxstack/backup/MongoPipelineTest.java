package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import com.github.luben.zstd.ZstdInputStream;
import io.edxstack.testing.AgentProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MongoDB backup path with a stand-in for mongodump (a shell script that checks its --config pipe and writes
 * bytes), because no MongoDB server or tools exist on this machine. Everything after the tool is the real agent,
 * real zstd and real Ceph RGW.
 */
@Tag("integration")
class MongoPipelineTest {
    private static BackupTestEnvironment env;
    private static Path work;
    private static byte[] archive;

    @BeforeAll
    static void standIn() throws Exception {
        env = new BackupTestEnvironment("mongo");
        work = Files.createTempDirectory("mongodump-standin");
        archive = new byte[12 * 1024 * 1024];
        new Random(7).nextBytes(archive);
        Files.write(work.resolve("archive.bin"), archive);
        Path script = work.resolve("mongodump");
        Files.writeString(script, """
                #!/bin/sh
                # Stand-in for mongodump: no MongoDB tools can be installed on this machine.
                [ "$1" = "--version" ] && { echo "mongodump version: 100.10.0-standin"; exit 0; }
                config=${1#--config=}
                grep -q '^password: "mongo-Secret"$' "$config" || { echo "Failed: no password in config" >&2; exit 3; }
                [ "$2" = "--db=openedx" ] && [ "$3" = "--archive" ] || { echo "Failed: bad arguments $*" >&2; exit 4; }
                cat "$(dirname "$0")/archive.bin"
                [ -n "$FAIL_AFTER_WRITING" ] && { echo "Failed: error writing data for collection openedx.modulestore: connection reset" >&2; exit 1; }
                exit 0
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void backup_mongodbWithStandInTool_storesArchiveAndManifest() throws Exception {
        AgentProcess.Result result = AgentProcess.run(environment(), 120, "backup", "mongodb");
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(result.stderr().contains("mongo-Secret"), "secret leaked");
        try (BackupStore store = env.store()) {
            BackupManifest manifest = new S3BackupCatalogue(store, "backups")
                    .find("campus", DatabaseKind.MONGODB, S3BackupCatalogue.LATEST);
            assertTrue(manifest.objectKey().endsWith(".archive.zst"), manifest.objectKey());
            assertEquals("openedx", manifest.databaseName());
            assertEquals("mongodump version: 100.10.0-standin", manifest.dumpToolVersion());
            assertEquals(archive.length, manifest.uncompressedSize());
            try (InputStream in = new ZstdInputStream(store.open(manifest.objectKey()))) {
                assertArrayEquals(archive, in.readAllBytes());
            }
        }
    }

    @Test
    void backup_standInToolExitsNonZero_abortsUploadAndReportsItsStderr() {
        Map<String, String> environment = environment();
        environment.put("EDXSTACK_PLATFORM", "mongofail");
        environment.put("FAIL_AFTER_WRITING", "1");
        AgentProcess.Result result = AgentProcess.run(environment, 120, "backup", "mongodb");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("exited with code 1: Failed: error writing data"), result.stderr());
        try (BackupStore store = env.store()) {
            assertEquals(0, store.pendingUploads("backups/mongofail/").size());
            assertEquals(0, store.list("backups/mongofail/").size());
        }
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = env.agentEnvironment("campus", "unused");
        environment.put("EDXSTACK_MONGODB_URI", "mongodb://backup@mongodb.campus:27017/?authSource=admin");
        environment.put("EDXSTACK_MONGODB_PASSWORD", "mongo-Secret");
        environment.put("EDXSTACK_MONGODB_DATABASE", "openedx");
        environment.put("EDXSTACK_DUMP_TOOL", work.resolve("mongodump").toString());
        return environment;
    }
}
