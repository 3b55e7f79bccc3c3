package io.edxstack.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * FerretDB (built from its Go module by scripts/test-servers) on SQLite files in a temp dir, on a free loopback
 * port, started once per test JVM and stopped at its exit. It speaks MongoDB's wire protocol but is not MongoDB.
 * Authentication is FerretDB 1.x's SCRAM ({@code --test-enable-new-auth}): {@link #USER} is created in
 * {@code admin} at first start, its password handed over in the environment, not on the command line.
 */
public final class FerretDbServer {
    /** The account the rendered MongoDB CronJobs use for an in-cluster MongoDB. */
    public static final String USER = "openedx";
    public static final String PASSWORD = "Ferret-pw-7";

    private static FerretDbServer shared;

    private final Path dir;
    private final int port;
    private Process server;
    private String lastPingError = "none";

    private FerretDbServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static synchronized FerretDbServer shared() {
        if (shared == null) {
            FerretDbServer started = new FerretDbServer(tempDir(), FreePorts.next());
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "ferretdb-stop"));
            started.start();
            shared = started;
        }
        return shared;
    }

    /** The URI of the CronJob's form ({@code mongodb://<user>@<host>:<port>/?authSource=admin}), here. */
    public String uri() {
        return "mongodb://" + USER + "@127.0.0.1:" + port + "/?authSource=admin";
    }

    /** A client authenticated as {@link #USER}; the caller closes it. */
    public MongoClient client() {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/"))
                .credential(MongoCredential.createScramSha256Credential(USER, "admin", PASSWORD.toCharArray()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(120, TimeUnit.SECONDS))
                .build());
    }

    private void start() {
        Path binary = GoTestServers.dir("ferretdb").resolve("ferretdb");
        Path data = dir.resolve("data");
        Path log = dir.resolve("ferretdb.log");
        try {
            Files.createDirectories(data);
            ProcessBuilder builder = new ProcessBuilder(List.of(binary.toString(), "--handler=sqlite",
                    "--sqlite-url=file:" + data + "/", "--listen-addr=127.0.0.1:" + port, "--debug-addr=-",
                    "--state-dir=" + dir, "--telemetry=disable", "--log-level=warn",
                    "--test-enable-new-auth", "--setup-database=admin", "--setup-username=" + USER))
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("FERRETDB_SETUP_PASSWORD", PASSWORD);
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(binary + " could not start", e);
        }
        try {
            ServerProcesses.await("ferretdb", 60, server, log, this::pings);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\nlast ping: " + lastPingError, e);
        }
    }

    private boolean pings() {
        try (MongoClient client = client()) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            lastPingError = e.toString();
            return false;
        }
    }

    private void stop() {
        ServerProcesses.stop(server);
        ServerProcesses.deleteTree(dir);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("edxstack-ferretdb");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
