package io.edxstack.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.state.ResourceState;
import io.edxstack.testing.AgentProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the kubelet would make of a rendered CronJob's pod, for running the agent locally: the container's
 * command (the image's ENTRYPOINT when it sets none) and args, its environment with {@code $(VAR)} references
 * expanded and {@code secretKeyRef}s resolved from the given Secrets, and its Secret volumes written as files
 * (mode 0400) under a directory standing for the container's root. Only addresses differ from the cluster:
 * {@link #reroute} replaces a variable's rendered value (asserted) with where the test's server listens.
 */
final class CronJobPod {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final String IMAGE_JAR = "/opt/edxstack/edxstack-backup-agent.jar";

    private final Map<String, Object> container;
    private final Map<String, Object> pod;
    private final Map<String, Map<String, String>> secrets;
    private final Path root;
    private final Map<String, String[]> reroutes = new LinkedHashMap<>();
    private Path tools;

    CronJobPod(ResourceState cronJob, Map<String, Map<String, String>> secrets, Path root) {
        this.pod = map(cronJob.input("spec.jobTemplate.spec.template.spec"));
        List<Map<String, Object>> containers = list(pod.get("containers"));
        if (containers.size() != 1) {
            throw new IllegalArgumentException(cronJob.name() + " has " + containers.size() + " containers, not 1");
        }
        this.container = containers.get(0);
        this.secrets = secrets;
        this.root = root;
    }

    /** In the test, variable {@code name}, rendered as {@code rendered}, points to {@code local}. */
    CronJobPod reroute(String name, String rendered, String local) {
        reroutes.put(name, new String[]{rendered, local});
        return this;
    }

    /** The image's dump and restore tools are found through its PATH; here they are in {@code dir}, first. */
    CronJobPod toolsIn(Path dir) {
        this.tools = dir;
        return this;
    }

    List<String> args() {
        return list(container.get("args"));
    }

    /** The container's environment as the kubelet builds it, Secret mounts moved under the test's root. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> mountPaths = secretMounts().keySet().stream().toList();
        for (Map<String, Object> variable : this.<Map<String, Object>>list(container.get("env"))) {
            String name = (String) variable.get("name");
            String value;
            if (variable.containsKey("value")) {
                value = expand((String) variable.get("value"), env);
            } else {
                Map<String, Object> ref = map(map(variable.get("valueFrom")).get("secretKeyRef"));
                value = secretValue((String) ref.get("name"), (String) ref.get("key"));
            }
            for (String mountPath : mountPaths) {
                if (value.startsWith(mountPath + "/")) {
                    value = root + value;
                }
            }
            String[] reroute = reroutes.get(name);
            if (reroute != null) {
                if (!reroute[0].equals(value)) {
                    throw new AssertionError(name + " is rendered as '" + value + "', the test expected '"
                            + reroute[0] + "'");
                }
                value = reroute[1];
            }
            env.put(name, value);
        }
        if (!env.keySet().containsAll(reroutes.keySet())) {
            throw new AssertionError("rerouted variables missing from the CronJob: " + reroutes.keySet());
        }
        return env;
    }

    /** Writes the Secret volumes' files under the root, as the kubelet mounts them (mode from the volume). */
    void mountSecrets() {
        secretMounts().forEach((mountPath, secretName) -> {
            Path dir = root.resolve(mountPath.substring(1));
            try {
                Files.createDirectories(dir);
                for (Map.Entry<String, String> entry : secret(secretName).entrySet()) {
                    Path file = dir.resolve(entry.getKey());
                    Files.writeString(file, entry.getValue());
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The image's ENTRYPOINT JVM options, without its jar (the build's is run in its place) and its archive. */
    static List<String> imageJvmOptions(Path dockerfile) {
        try {
            String text = Files.readString(dockerfile).replace("\\\n", " ");
            Matcher matcher = Pattern.compile("(?m)^ENTRYPOINT\\s+(\\[.*])\\s*$").matcher(text);
            if (!matcher.find()) {
                throw new AssertionError(dockerfile + " has no ENTRYPOINT in exec form");
            }
            List<String> entrypoint = List.of(new ObjectMapper().readValue(matcher.group(1), String[].class));
            if (!entrypoint.get(0).equals("java") || !entrypoint.subList(entrypoint.size() - 2, entrypoint.size())
                    .equals(List.of("-jar", IMAGE_JAR))) {
                throw new AssertionError("unexpected ENTRYPOINT " + entrypoint);
            }
            List<String> options = new ArrayList<>(entrypoint.subList(1, entrypoint.size() - 2));
            // The class-data sharing archive exists in the image only.
            options.removeIf(option -> option.startsWith("-XX:SharedArchiveFile="));
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AgentProcess.Result run(List<String> jvmOptions, long timeoutSeconds) {
        if (container.get("command") != null) {
            throw new AssertionError("the CronJob overrides the image's entrypoint: " + container.get("command"));
        }
        mountSecrets();
        Map<String, String> env = environment();
        if (tools != null) {
            env.put("PATH", tools + ":" + System.getenv("PATH"));
        }
        return AgentProcess.startAsContainer(jvmOptions, env, args()).await(timeoutSeconds);
    }

    private Map<String, String> secretMounts() {
        Map<String, String> volumes = new LinkedHashMap<>();
        for (Map<String, Object> volume : this.<Map<String, Object>>list(pod.get("volumes"))) {
            if (volume.get("secret") != null) {
                volumes.put((String) volume.get("name"), (String) map(volume.get("secret")).get("secretName"));
            }
        }
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Map<String, Object> mount : this.<Map<String, Object>>list(container.get("volumeMounts"))) {
            String secretName = volumes.get((String) mount.get("name"));
            if (secretName != null) {
                mounts.put((String) mount.get("mountPath"), secretName);
            }
        }
        return mounts;
    }

    private String secretValue(String secretName, String key) {
        return Objects.requireNonNull(secret(secretName).get(key),
                () -> "the CronJob reads key '" + key + "' of Secret '" + secretName + "', which the test lacks");
    }

    private Map<String, String> secret(String secretName) {
        return Objects.requireNonNull(secrets.get(secretName),
                () -> "the CronJob reads Secret '" + secretName + "', which the test does not provide");
    }

    private static String expand(String value, Map<String, String> defined) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = defined.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(Object value) {
        return value == null ? List.of() : (List<T>) value;
    }
}
