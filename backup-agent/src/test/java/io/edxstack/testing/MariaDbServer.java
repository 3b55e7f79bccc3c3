package io.edxstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real MariaDB server from the Debian binaries, on a temp datadir and a free port, started once per test JVM
 * and stopped at its exit. Tests connect as {@link #USER}, a password user, so that the agent's password handling
 * is exercised.
 */
public final class MariaDbServer {
    public static final String USER = "backup";
    public static final String PASSWORD = "s3cr3t-Db-pw";

    private static MariaDbServer shared;

    private final Path dir;
    private final int port;
    private Process server;

    private MariaDbServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static synchronized MariaDbServer shared() {
        if (shared == null) {
            MariaDbServer started = new MariaDbServer(tempDir(), FreePorts.next());
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "mariadb-stop"));
            started.start();
            shared = started;
        }
        return shared;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Runs SQL as root and returns its tab-separated output. */
    public String sql(String statements) {
        Path script = dir.resolve("statement.sql");
        try {
            Files.writeString(script, statements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ServerProcesses.run(dir, List.of("sh", "-c", ServerBinaries.require("mariadb")
                + " --protocol=TCP -h127.0.0.1 -P" + port + " -uroot --default-character-set=utf8mb4 --batch --skip-column-names < " + script));
    }

    private void start() {
        String installDb = ServerBinaries.require("mariadb-install-db");
        String mariadbd = ServerBinaries.require("mariadbd");
        ServerBinaries.require("mariadb-dump");
        ServerBinaries.require("mariadb");
        Path data = dir.resolve("data");
        ServerProcesses.run(dir, List.of(installDb, "--no-defaults", "--user=root", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        Path log = dir.resolve("mariadb.log");
        server = ServerProcesses.start(dir, log, List.of(mariadbd, "--no-defaults", "--user=root",
                "--datadir=" + data, "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("pid"),
                "--port=" + port, "--bind-address=127.0.0.1", "--log-error=" + log,
                "--innodb-buffer-pool-size=512M", "--innodb-log-file-size=256M",
                "--innodb-flush-log-at-trx-commit=2", "--max-allowed-packet=1G", "--skip-log-bin"));
        ServerProcesses.await("mariadbd", 60, server, log, this::pings);
        sql("CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "';\n"
                + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%';\n");
    }

    private boolean pings() {
        try {
            ServerProcesses.run(dir, List.of(ServerBinaries.require("mariadb-admin"), "--protocol=TCP",
                    "-h127.0.0.1", "-P" + port, "-uroot", "--connect-timeout=2", "ping"));
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void stop() {
        ServerProcesses.stop(server);
        ServerProcesses.deleteTree(dir);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("edxstack-mariadb");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
