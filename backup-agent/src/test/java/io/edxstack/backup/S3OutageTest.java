package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.testing.AgentProcess;
import io.edxstack.testing.TcpCutProxy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The S3 service goes away mid-upload (a relay in front of RGW is cut; the shared Ceph keeps running). */
@Tag("integration")
class S3OutageTest {
    @Test
    void backup_s3GoneMidUpload_failsAfterBoundedRetriesAndKeepsEarlierBackups() throws Exception {
        BackupTestEnvironment env = new BackupTestEnvironment("outage");
        env.mariadb.sql("DROP DATABASE IF EXISTS edxapp_outage; CREATE DATABASE edxapp_outage;"
                + "CREATE TABLE edxapp_outage.blobs (id INT PRIMARY KEY, payload VARBINARY(1024)) ENGINE=InnoDB;"
                + "USE edxapp_outage; INSERT INTO blobs SELECT seq, RANDOM_BYTES(1024) FROM seq_1_to_20000;");
        Map<String, String> direct = env.agentEnvironment("outage", "edxapp_outage");
        AgentProcess.Result earlier = AgentProcess.run(direct, 120, "backup", "mysql");
        assertEquals(0, earlier.exitCode(), earlier::toString);
        String earlierId = earlier.stdout().split(" ")[0];

        try (TcpCutProxy proxy = new TcpCutProxy(env.rgw.port())) {
            proxy.cutAfter(8L * 1024 * 1024);
            Map<String, String> viaProxy = env.agentEnvironment("outage", "edxapp_outage");
            viaProxy.put("EDXSTACK_S3_ENDPOINT", "http://127.0.0.1:" + proxy.port());
            // The abort of the cut upload is retried for max(30 s, attempts x stall timeout) before giving up.
            viaProxy.put("EDXSTACK_S3_STALL_TIMEOUT", "10s");
            long start = System.nanoTime();
            AgentProcess.Result cut = AgentProcess.run(viaProxy, 180, "backup", "mysql");
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;

            assertTrue(proxy.wasCut(), "the relay was never cut");
            assertEquals(1, cut.exitCode(), cut::toString);
            assertTrue(cut.stderr().contains("error: S3 UploadPart"), cut.stderr());
            assertTrue(cut.stderr().contains("got no answer"), cut.stderr());
            assertTrue(seconds < 120, "gave up after " + seconds + " s");
        }

        try (BackupStore store = env.store()) {
            BackupManifest kept = new S3BackupCatalogue(store, "backups")
                    .find("outage", DatabaseKind.MYSQL, S3BackupCatalogue.LATEST);
            assertEquals(earlierId, kept.backupId());
            new BackupVerifier(store).verify(kept);
        }
    }
}
