package io.edxstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A real single-node Ceph (one monitor, one memstore OSD, no cephx, no manager) with radosgw in front: the S3
 * implementation production uses. Started once per test JVM (it takes ~15 s and ~3 GB of RAM) on free ports and a
 * temp dir, in the foreground so that the JVM owns and stops every daemon at exit.
 */
public final class CephRgwServer {
    public static final String ACCESS_KEY = "rgw-test-access";
    public static final String SECRET_KEY = "rgw-test-secret-key";

    private static final int START_ATTEMPTS = 3;
    private static CephRgwServer shared;

    private final Path dir;
    private final int monPort = FreePorts.next();
    private final int rgwPort = FreePorts.next();
    private final String fsid = UUID.randomUUID().toString();
    private Process mon;
    private Process osd;
    private Process rgw;
    private long startMillis;

    private CephRgwServer(Path dir) {
        this.dir = dir;
    }

    public static synchronized CephRgwServer shared() {
        if (shared == null) {
            shared = startWithRetries();
        }
        return shared;
    }

    /**
     * A single-node Ceph occasionally fails its first start on a busy machine (an OSD that exits during start-up,
     * a monitor that never forms quorum); a fresh attempt on new ports and a new directory then succeeds. Three
     * attempts, each bounded by the start-up waits, keep one bad start from failing a whole CI run.
     */
    private static CephRgwServer startWithRetries() {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            CephRgwServer candidate = new CephRgwServer(tempDir());
            Thread hook = new Thread(candidate::stop, "ceph-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            long start = System.nanoTime();
            try {
                candidate.start();
                candidate.startMillis = (System.nanoTime() - start) / 1_000_000;
                System.err.println("Ceph RGW started in " + candidate.startMillis + " ms at " + candidate.endpoint()
                        + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
                return candidate;
            } catch (IllegalStateException e) {
                last = e;
                System.err.println("Ceph start attempt " + attempt + " failed: " + e.getMessage());
                candidate.stop();
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        throw last;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + rgwPort);
    }

    public int port() {
        return rgwPort;
    }

    public long startMillis() {
        return startMillis;
    }

    /** SIGSTOP to radosgw: it keeps its sockets open and answers nothing, as a gateway hung in the kernel. */
    public void freezeGateway() {
        signalGateway("STOP");
    }

    /** SIGCONT to radosgw after {@link #freezeGateway()}. */
    public void thawGateway() {
        signalGateway("CONT");
    }

    private void signalGateway(String signal) {
        ServerProcesses.run(dir, List.of("kill", "-" + signal, Long.toString(rgw.pid())));
    }

    private void start() {
        String cephMon = ServerBinaries.require("ceph-mon");
        String cephOsd = ServerBinaries.require("ceph-osd");
        String radosgw = ServerBinaries.require("radosgw");
        String ceph = ServerBinaries.require("ceph");
        String conf = writeConfig().toString();
        ServerProcesses.run(dir, List.of(ServerBinaries.require("ceph-authtool"), "--create-keyring",
                dir.resolve("keyring").toString(), "--gen-key", "-n", "mon.", "--cap", "mon", "allow *"));
        // --addv with an explicit v1 address: a plain --add on any port but 6789 records a msgr2 address, which a
        // monitor with msgr2 off never answers.
        ServerProcesses.run(dir, List.of(ServerBinaries.require("monmaptool"), "--create", "--addv", "a",
                "[v1:127.0.0.1:" + monPort + "]", "--fsid", fsid, dir.resolve("monmap").toString()));
        ServerProcesses.run(dir, List.of(cephMon, "-c", conf, "--mkfs", "-i", "a", "--monmap",
                dir.resolve("monmap").toString(), "--keyring", dir.resolve("keyring").toString()));
        mon = ServerProcesses.start(dir, dir.resolve("log/mon.out"), List.of(cephMon, "-f", "-c", conf, "-i", "a"));
        ServerProcesses.await("ceph-mon", 60, mon, dir.resolve("log/mon.a.log"), () -> answersCommand(ceph, conf));
        ServerProcesses.run(dir, List.of(ceph, "-c", conf, "--connect-timeout", "30", "osd", "create"));
        ServerProcesses.run(dir, List.of(cephOsd, "-c", conf, "-i", "0", "--mkfs"));
        osd = ServerProcesses.start(dir, dir.resolve("log/osd.out"), List.of(cephOsd, "-f", "-c", conf, "-i", "0"));
        ServerProcesses.await("ceph-osd", 60, osd, dir.resolve("log/osd.out"),
                () -> osdUp(ceph, conf));
        rgw = ServerProcesses.start(dir, dir.resolve("log/rgw.out"),
                List.of(radosgw, "-f", "-c", conf, "-n", "client.rgw.a"));
        ServerProcesses.await("radosgw", 120, rgw, dir.resolve("log/client.rgw.a.log"), this::answers);
        ServerProcesses.run(dir, List.of(ServerBinaries.require("radosgw-admin"), "-c", conf, "user", "create",
                "--uid=backup", "--display-name=backup", "--access-key=" + ACCESS_KEY, "--secret=" + SECRET_KEY));
    }

    private Path writeConfig() {
        String w = dir.toString();
        String config = String.join("\n",
                "[global]",
                "fsid = " + fsid,
                "mon host = v1:127.0.0.1:" + monPort,
                "mon initial members = a",
                "auth cluster required = none",
                "auth service required = none",
                "auth client required = none",
                "ms bind msgr2 = false",
                "osd pool default size = 1",
                "osd pool default min size = 1",
                "osd pool default pg num = 8",
                "osd pool default pgp num = 8",
                "osd pool default pg autoscale mode = off",
                "osd crush chooseleaf type = 0",
                "mon allow pool size one = true",
                "mon warn on pool no redundancy = false",
                "mon data avail warn = 1",
                "mon max pg per osd = 1000",
                "run dir = " + w + "/run",
                "admin socket = " + w + "/run/$name.asok",
                "log file = " + w + "/log/$name.log",
                "pid file = " + w + "/run/$name.pid",
                "keyring = " + w + "/keyring",
                "[mon]",
                "mon data = " + w + "/mon.$id",
                "[osd]",
                "osd data = " + w + "/osd$id",
                "osd objectstore = memstore",
                "memstore device bytes = 4294967296",
                "[client.rgw.a]",
                "rgw frontends = beast endpoint=127.0.0.1:" + rgwPort,
                "rgw data = " + w + "/rgw",
                "");
        try {
            for (String sub : List.of("run", "log", "mon.a", "osd0", "rgw")) {
                Files.createDirectories(dir.resolve(sub));
            }
            return Files.writeString(dir.resolve("ceph.conf"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answersCommand(String ceph, String conf) {
        try {
            ServerProcesses.run(dir, List.of(ceph, "-c", conf, "--connect-timeout", "5", "mon", "stat"));
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private boolean osdUp(String ceph, String conf) {
        try {
            return ServerProcesses.run(dir, List.of(ceph, "-c", conf, "osd", "stat")).contains("1 up");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void stop() {
        ServerProcesses.stop(rgw);
        ServerProcesses.stop(osd);
        ServerProcesses.stop(mon);
        ServerProcesses.deleteTree(dir);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("edxstack-ceph");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
