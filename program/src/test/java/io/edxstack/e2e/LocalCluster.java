package io.edxstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * etcd and kube-apiserver on loopback, with certificates made by openssl and an admin kubeconfig: the API server
 * validates, defaults and admits every object as a real cluster does. No controller, scheduler or kubelet runs, so
 * nothing becomes ready and nothing is garbage-collected (the API server runs with the collector off, so deletes do
 * not wait for it).
 */
public final class LocalCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineTools tools;
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final int apiPort;

    private LocalCluster(EngineTools tools, Path dir, int apiPort) {
        this.tools = tools;
        this.dir = dir;
        this.apiPort = apiPort;
    }

    public static LocalCluster start(EngineTools tools, Path dir) {
        LocalCluster cluster = new LocalCluster(tools, dir, freePort());
        try {
            cluster.certificates();
            int etcdPort = freePort();
            int peerPort = freePort();
            cluster.spawn("etcd", List.of(tools.binary("etcd").toString(),
                    "--name=e2e", "--data-dir=" + dir.resolve("etcd"), "--log-level=warn", "--unsafe-no-fsync",
                    "--listen-client-urls=http://127.0.0.1:" + etcdPort, "--advertise-client-urls=http://127.0.0.1:" + etcdPort,
                    "--listen-peer-urls=http://127.0.0.1:" + peerPort, "--initial-advertise-peer-urls=http://127.0.0.1:" + peerPort,
                    "--initial-cluster=e2e=http://127.0.0.1:" + peerPort));
            Path certs = dir.resolve("certs");
            // A /16 of Service addresses: a platform has about 13 Services, so a /24 ran out at 19 platforms.
            cluster.spawn("kube-apiserver", List.of(tools.binary("kube-apiserver").toString(),
                    "--etcd-servers=http://127.0.0.1:" + etcdPort,
                    "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", "--secure-port=" + cluster.apiPort,
                    "--cert-dir=" + certs, "--tls-cert-file=" + certs.resolve("server.crt"),
                    "--tls-private-key-file=" + certs.resolve("server.key"), "--client-ca-file=" + certs.resolve("ca.crt"),
                    "--service-cluster-ip-range=10.0.0.0/16", "--allow-privileged=true", "--authorization-mode=RBAC",
                    "--disable-admission-plugins=ServiceAccount", "--enable-garbage-collector=false",
                    "--service-account-issuer=https://127.0.0.1:" + cluster.apiPort + "/",
                    "--service-account-key-file=" + certs.resolve("sa.pub"),
                    "--service-account-signing-key-file=" + certs.resolve("sa.key"),
                    "--endpoint-reconciler-type=none", "--profiling=false"));
            cluster.writeKubeconfig();
            cluster.awaitReady();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The etcd and kube-apiserver processes (the engine benchmark reads their CPU time). */
    public List<ProcessHandle> processes() {
        return processes.stream().map(Process::toHandle).toList();
    }

    public Path kubeconfig() {
        return dir.resolve("kubeconfig");
    }

    public String kubeconfigText() {
        try {
            return Files.readString(kubeconfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kubectl get -o json} of one object or a list; fails on any kubectl error. */
    public JsonNode get(String... args) {
        List<String> command = new ArrayList<>(List.of("get", "-o", "json"));
        command.addAll(List.of(args));
        try {
            return JSON.readTree(kubectl(command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs kubectl against this API server; returns stdout, throws with stderr on failure. */
    public String kubectl(List<String> args) {
        return EngineTools.run(kubectlCommand(args));
    }

    /** The kubectl command line against this API server (the engine benchmark runs and samples it itself). */
    public List<String> kubectlCommand(List<String> args) {
        List<String> command = new ArrayList<>(List.of(tools.binary("kubectl").toString(), "--kubeconfig", kubeconfig().toString()));
        command.addAll(args);
        return command;
    }

    /**
     * Fills the aggregated ClusterRoles ({@code view}, {@code edit}, {@code admin}) from the roles their selectors
     * match, as kube-controller-manager's clusterrole-aggregation controller does on every real cluster; no
     * controller manager runs here, so without this {@code view} grants nothing.
     */
    public void aggregateClusterRoles() {
        JsonNode roles = get("clusterroles").path("items");
        for (JsonNode role : roles) {
            JsonNode selectors = role.path("aggregationRule").path("clusterRoleSelectors");
            if (selectors.isEmpty()) {
                continue;
            }
            var rules = JSON.createArrayNode();
            for (JsonNode other : roles) {
                if (other == role) {
                    continue;
                }
                for (JsonNode selector : selectors) {
                    boolean matches = true;
                    var labels = selector.path("matchLabels").fields();
                    while (labels.hasNext()) {
                        var label = labels.next();
                        matches &= label.getValue().asText().equals(other.path("metadata").path("labels")
                                .path(label.getKey()).asText(null));
                    }
                    if (matches) {
                        other.path("rules").forEach(rules::add);
                        break;
                    }
                }
            }
            var patch = JSON.createObjectNode();
            patch.set("rules", rules);
            kubectl(List.of("patch", "clusterrole", role.path("metadata").path("name").asText(), "--type", "merge",
                    "-p", patch.toString()));
        }
    }

    /** Applies manifests from a file, as whoever runs the cluster would (CRDs of an operator it already runs). */
    public void apply(Path manifest) {
        kubectl(List.of("apply", "--server-side", "-f", manifest.toString()));
    }

    private void certificates() {
        Path certs = dir.resolve("certs");
        try {
            Files.createDirectories(certs);
            Files.writeString(certs.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String c = certs.toString();
        openssl(c, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
                "-subj", "/CN=edxstack-e2e-ca");
        sign(c, "server", "/CN=kube-apiserver", "server.ext");
        sign(c, "admin", "/O=system:masters/CN=edxstack-e2e-admin", null);
        openssl(c, "genrsa", "-out", "sa.key", "2048");
        openssl(c, "rsa", "-in", "sa.key", "-pubout", "-out", "sa.pub");
    }

    private static void sign(String certs, String name, String subject, String extensions) {
        openssl(certs, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
        List<String> args = new ArrayList<>(List.of("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", name + ".crt", "-days", "2"));
        if (extensions != null) {
            args.addAll(List.of("-extfile", extensions));
        }
        openssl(certs, args.toArray(String[]::new));
    }

    private static void openssl(String dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(Path.of(dir).toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void writeKubeconfig() {
        Path certs = dir.resolve("certs");
        Map<String, Object> config = Map.of(
                "apiVersion", "v1", "kind", "Config", "current-context", "e2e",
                "clusters", List.of(Map.of("name", "e2e", "cluster", Map.of(
                        "server", "https://127.0.0.1:" + apiPort,
                        "certificate-authority-data", base64(certs.resolve("ca.crt"))))),
                "users", List.of(Map.of("name", "admin", "user", Map.of(
                        "client-certificate-data", base64(certs.resolve("admin.crt")),
                        "client-key-data", base64(certs.resolve("admin.key"))))),
                "contexts", List.of(Map.of("name", "e2e", "context", Map.of("cluster", "e2e", "user", "admin"))));
        try {
            new YAMLMapper().writeValue(kubeconfig().toFile(), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(Path file) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a cluster process exited (" + process.exitValue() + "); see " + dir.resolve("logs"));
                }
            }
            try {
                // The default namespace exists once the API server's own bootstrap has run.
                if (kubectl(List.of("get", "--raw", "/readyz")).strip().equals("ok")) {
                    kubectl(List.of("get", "namespace", "default"));
                    return;
                }
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("kube-apiserver not ready after " + START_TIMEOUT + ": " + last + "; see " + dir.resolve("logs"));
    }

    private void spawn(String name, List<String> command) {
        try {
            Path logs = Files.createDirectories(dir.resolve("logs"));
            processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logs.resolve(name + ".log").toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // API server first, etcd last.
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
