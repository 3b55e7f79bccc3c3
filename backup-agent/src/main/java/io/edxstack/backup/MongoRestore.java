package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.time.Duration;

/**
 * Restores a MongoDB backup: mongorestore loads the checksum-verified stream into staged collections, and only
 * when the whole object matched its manifest and mongorestore exited 0 are they renamed into place (see
 * {@link MongoStagingSwap}). Buffering the archive to verify it before applying is not an option: it may be far
 * larger than memory or the pod's disk.
 */
public final class MongoRestore {
    private final BackupStore store;
    private final AgentLog log;
    private final Duration progressInterval;

    public MongoRestore(BackupStore store, AgentLog log, Duration progressInterval) {
        this.store = store;
        this.log = log;
        this.progressInterval = progressInterval;
    }

    public void run(BackupManifest manifest, MongoConnection target, String restoreTool) {
        try (MongoClient client = MongoClients.create(clientSettings(target))) {
            MongoStagingSwap swap = new MongoStagingSwap(client, target.database(), RestoreRunSuffix.next(), log);
            swap.dropLeftovers();
            try (CredentialsPipe credentials = CredentialsPipe.serve(MongoTools.credentialsYaml(target),
                    "mongorestore.yaml")) {
                ToolInvocation load = MongoTools.restoreIntoStaging(target, restoreTool, credentials.path(),
                        swap.stagingPrefix());
                BackupLoad.run(store, manifest, new SingleToolLoad(load), "staged collections " + swap.stagingPrefix() + "*", log,
                        progressInterval);
            } catch (RuntimeException e) {
                swap.dropStagedQuietly();
                throw e;
            }
            swap.swapIntoPlace();
        } catch (MongoException e) {
            throw new LoadToolException("MongoDB at " + target + " failed during the restore (" + e.getMessage()
                    + "), perhaps check " + AgentEnv.MONGODB_URI + " and the user's rights", e);
        }
    }

    static MongoClientSettings clientSettings(MongoConnection target) {
        return MongoClientSettings.builder().applyConnectionString(new ConnectionString(target.uriWithPassword()))
                .build();
    }
}
