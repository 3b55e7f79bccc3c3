package io.edxstack.backup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.render.DesiredState;
import io.edxstack.testing.AgentProcess;
import io.edxstack.testing.CephRgwServer;
import io.edxstack.testing.FerretDbServer;
import io.edxstack.testing.GoTestServers;
import io.edxstack.testing.TestProject;
import org.bson.BsonBinary;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MongoDB backup and restore CronJobs of this repository's stacks, rendered for real, run the agent with
 * exactly their args and environment against FerretDB 1.24 (a real wire-protocol server on SQLite; not MongoDB)
 * and real Ceph RGW. mongodump and mongorestore are the stand-in of testservers/mongo-tools-standin (their Go
 * module cannot be fetched here): it takes the agent's exact command lines and credentials file and moves the
 * documents over the wire. Everything of the agent runs for real: the credentials pipe, zstd, the manifest and
 * checksum, the S3 upload, the staged restore and the swap into place.
 */
@Tag("integration")
class MongoCronJobRoundTripTest {
    private static final String CRON_JOB = "kubernetes:batch/v1:CronJob";
    private static final String BUCKET = "edxstack-backups";
    private static final String COPY_BUCKET = "edxstack-backups-copy";
    /** The database the rendered CronJobs back up (Tutor's MONGODB_DATABASE). */
    private static final String DATABASE = "openedx";

    private static final CephRgwServer RGW = CephRgwServer.shared();
    private static FerretDbServer ferretDb;
    private static Path standInTools;

    @TempDir
    Path root;

    @BeforeAll
    static void servers() {
        standInTools = GoTestServers.dir("mongo-tools-standin");
        ferretDb = FerretDbServer.shared();
        S3Settings settings = new S3Settings(RGW.endpoint(), "us-east-1", BUCKET, "backups", CephRgwServer.ACCESS_KEY,
                CephRgwServer.SECRET_KEY, 1);
        try (S3Client s3 = S3ClientFactory.create(settings, 1)) {
            for (String bucket : List.of(BUCKET, COPY_BUCKET)) {
                try {
                    s3.createBucket(r -> r.bucket(bucket));
                } catch (BucketAlreadyOwnedByYouException e) {
                    // created by another test in this JVM
                }
            }
        }
    }

    @Test
    void renderedMongoCronJobs_backUpOnPrimary_restoreOnDr_ferretDbGetsTheSameDocumentsBack() {
        List<String> jvm = CronJobPod.imageJvmOptions(TestProject.REPOSITORY.resolve("images/backup-agent/Dockerfile"));
        try (MongoClient client = ferretDb.client()) {
            MongoDatabase db = client.getDatabase(DATABASE);
            db.drop();
            seed(db);
            Content original = Content.of(db);
            assertThat(original.documents()).isEqualTo(2_600);

            AgentProcess.Result backup = pod(TestProject.REPOSITORY_RENDER.primary(), "demo-backup-mongodb", "backup")
                    .run(jvm, 300);
            assertThat(backup.exitCode()).as(backup::toString).isZero();
            String id = backup.stdout().split(" ")[0];
            assertThat(backup.stdout()).contains("s3://" + BUCKET + "/backups/demo/mongodb/" + id + ".archive.zst");
            assertThat(backup.stderr()).doesNotContain(FerretDbServer.PASSWORD).doesNotContain(CephRgwServer.SECRET_KEY);
            try (BackupStore store = BackupStore.open(new S3Settings(RGW.endpoint(), "us-east-1", BUCKET, "backups",
                    CephRgwServer.ACCESS_KEY, CephRgwServer.SECRET_KEY, 1), 1)) {
                BackupManifest manifest = new S3BackupCatalogue(store, "backups").find("demo", DatabaseKind.MONGODB, id);
                assertThat(manifest.databaseName()).isEqualTo(DATABASE);
                assertThat(manifest.dumpToolVersion()).as("the manifest names the stand-in, not mongodump")
                        .contains("stand-in");
            }

            // Lose and change data after the backup: the restore must bring back exactly what was backed up.
            db.getCollection("structures").deleteMany(Filters.mod("seq", 3, 0));
            db.getCollection("definitions").updateMany(Filters.lt("_id", 100),
                    Updates.set("fields.display_name", "changed"));
            db.getCollection("created_after_backup").insertOne(new Document("_id", 1));
            assertThat(Content.of(db)).isNotEqualTo(original);

            AgentProcess.Result restore = pod(TestProject.REPOSITORY_RENDER.dr(), "demo-restore-mongodb", "restore")
                    .run(jvm, 300);
            assertThat(restore.exitCode()).as(restore::toString).isZero();
            assertThat(restore.stdout()).contains(id);
            assertThat(restore.stderr()).contains("swapped 3 restored collections into openedx");
            assertThat(Content.of(db)).as("documents after the restore (count, checksum of canonical JSON)")
                    .isEqualTo(original);
        }
    }

    /**
     * Open edX-like documents with every BSON type FerretDB 1.x stores, enough for several insert batches. The
     * collection names have no dot, unlike Open edX's modulestore.*: FerretDB 1.24's renameCollection refuses
     * them (it splits a namespace at every dot), where MongoDB renames them (MongoStagingSwapTest covers those).
     */
    private static void seed(MongoDatabase db) {
        Random random = new Random(11);
        List<Document> structures = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            byte[] blob = new byte[64];
            random.nextBytes(blob);
            structures.add(new Document("_id", new ObjectId(new Date(1_700_000_000_000L + i * 1000L), i))
                    .append("seq", i)
                    .append("root", List.of("course", "block-" + i))
                    .append("blocks", List.of(new Document("block_type", "vertical").append("fields",
                            new Document("display_name", "Unité " + i + " — ünïcödé ✓").append("weight", i * 0.25))))
                    .append("edited_on", new Date(1_700_000_000_000L + i))
                    .append("big", 5_000_000_000L + i)
                    .append("published", i % 2 == 0)
                    .append("previous_version", i == 0 ? null : "v" + (i - 1))
                    .append("blob", new BsonBinary(blob))
                    .append("ts", new BsonTimestamp(1_700_000_000, i)));
        }
        db.getCollection("structures").insertMany(structures);
        db.getCollection("structures").createIndex(Indexes.ascending("seq"));
        List<Document> definitions = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            definitions.add(new Document("_id", i).append("block_type", i % 5 == 0 ? "problem" : "html")
                    .append("fields", new Document("data", "<p>" + "x".repeat(random.nextInt(2_000)) + "</p>")
                            .append("display_name", "Definition " + i)));
        }
        db.getCollection("definitions").insertMany(definitions);
        List<Document> contents = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            contents.add(new Document("_id", "asset-" + i).append("length", i * 1024).append("tags", List.of()));
        }
        db.getCollection("assets").insertMany(contents);
    }

    /** What a restore must give back: every collection's name and documents, as a count and a checksum. */
    private record Content(List<String> collections, long documents, String sha256) {
        private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
                .outputMode(JsonMode.EXTENDED).build();

        static Content of(MongoDatabase db) {
            List<String> names = db.listCollectionNames().into(new ArrayList<>());
            names.sort(null);
            MessageDigest digest = newDigest();
            long count = 0;
            for (String name : names) {
                digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
                MongoCollection<Document> collection = db.getCollection(name);
                for (Document document : collection.find().sort(Sorts.ascending("_id"))) {
                    digest.update((document.toJson(CANONICAL) + "\n").getBytes(StandardCharsets.UTF_8));
                    count++;
                }
            }
            return new Content(names, count, HexFormat.of().formatHex(digest.digest()));
        }

        private static MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The CronJob's pod, its Secrets as the program creates or expects them, only the addresses local. */
    private CronJobPod pod(DesiredState state, String cronJob, String run) {
        Map<String, Map<String, String>> secrets = Map.of(
                "backup-s3", Map.of("access-key", CephRgwServer.ACCESS_KEY, "secret-key", CephRgwServer.SECRET_KEY),
                "mongodb-credentials", Map.of("password", FerretDbServer.PASSWORD));
        String endpoint = RGW.endpoint().toString();
        CronJobPod pod = new CronJobPod(state.get(CRON_JOB, cronJob).state(), secrets, root.resolve(run))
                .reroute(AgentEnv.S3_ENDPOINT, "https://s3.regiontwo.example.org", endpoint)
                .reroute(AgentEnv.MONGODB_URI, "mongodb://openedx@mongodb:27017/?authSource=admin", ferretDb.uri())
                .toolsIn(standInTools);
        if (!run.equals("restore")) {
            pod.reroute(AgentEnv.COPY_S3_ENDPOINT, "https://s3.regionone.example.org", endpoint);
        }
        return pod;
    }
}
