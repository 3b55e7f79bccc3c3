package io.edxstack.config;

import io.edxstack.config.PlatformSpec.ContainerLimits;
import io.edxstack.config.PlatformSpec.Hosts;
import io.edxstack.config.PlatformSpec.Images;
import io.edxstack.config.PlatformSpec.Quota;
import io.edxstack.config.PlatformSpec.Replicas;
import io.edxstack.config.PlatformSpec.Resources;
import io.edxstack.config.PlatformSpec.Sizing;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates one platform file of the catalogue. */
final class PlatformSpecParser {
    /** Namespaces and every child name derive from the platform name: keep room for suffixes. */
    static final Pattern PLATFORM_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,28}[a-z0-9])?");
    static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    /** registry/repository:tag, tag required; digests are accepted too. */
    static final Pattern IMAGE = Pattern.compile("[a-z0-9.:-]+(/[a-z0-9._-]+)+(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}|@sha256:[a-f0-9]{64})");

    /** Namespaces a platform must never take over: its isolation policies would lock their pods out. */
    /** tutor-mfe's plugin: edxstack enables it with the MFE. */
    static final String MFE_PLUGIN = "mfe";

    private static final Set<String> RESERVED_NAMESPACES = Set.of("default", "cert-manager", "ingress-nginx",
            "edxstack-system", "magnum-tiller", "monitoring");

    private PlatformSpecParser() {
    }

    static PlatformSpec parse(String fileName, YamlObject yaml, Set<String> knownStacks, ObjectNode settingsOverrides,
                              Map<String, TutorPlugin.Yaml> yamlPlugins) {
        yaml.allowOnly(Set.of("name", "stacks", "hosts", "images", "quota", "limits", "sizing", "settings",
                "services", "resources", "admin", "jwt", "backup", "plugins"));
        String expected = fileName.replaceFirst(".*/", "").replaceFirst("\\.yaml$", "");
        String name = yaml.requiredString("name");
        if (!name.isEmpty() && !PLATFORM_NAME.matcher(name).matches()) {
            yaml.problem("name", "must be a DNS-1123 label of at most 30 characters starting with a letter "
                    + "(got '" + name + "')");
        } else if (RESERVED_NAMESPACES.contains(name) || name.startsWith("kube-")) {
            yaml.problem("name", "'" + name + "' is a namespace the cluster or edxstack itself uses, perhaps another name");
        } else if (!name.isEmpty() && !name.equals(expected)) {
            yaml.problem("name", "must match the file name '" + expected + "' (got '" + name + "'), "
                    + "perhaps rename the file");
        }
        Hosts hosts = hosts(yaml.object("hosts"));
        Images images = images(yaml.object("images"));
        if (images.mfe().isPresent() != hosts.mfe().isPresent()) {
            yaml.problem(images.mfe().isPresent() ? "hosts.mfe" : "images.mfe",
                    "missing: the MFE runs with both an image and a host, perhaps set both or neither");
        }
        var services = WorkloadSpecParser.services(yaml.object("services"));
        if (hosts.meilisearch().isPresent() && !services.meilisearch().internal()) {
            yaml.problem("hosts.meilisearch", "serves the platform's own Meilisearch, and services.meilisearch is "
                    + "external: set MEILISEARCH_PUBLIC_URL to the external service's public address in "
                    + name + ".settings.json instead");
        }
        return new PlatformSpec(name, yaml.file(), stacks(yaml, knownStacks), hosts, images,
                quota(yaml.object("quota")), limits(yaml.object("limits")), sizing(yaml.object("sizing")),
                WorkloadSpecParser.settings(yaml.object("settings"), hosts),
                services,
                WorkloadSpecParser.resources(yaml.object("resources")),
                WorkloadSpecParser.admin(yaml.object("admin")),
                WorkloadSpecParser.jwt(yaml.object("jwt")),
                settingsOverrides,
                BackupSchedulesParser.parse(yaml.object("backup")),
                plugins(yaml, yamlPlugins));
    }

    /**
     * {@code plugins:} a YAML plugin of the repository when {@code tutor/plugins/<name>.yml} exists, else a plugin
     * of the pinned Tutor environment (checked against it by {@link Catalogue}).
     */
    private static List<TutorPlugin> plugins(YamlObject yaml, Map<String, TutorPlugin.Yaml> yamlPlugins) {
        List<TutorPlugin> plugins = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : yaml.stringList("plugins")) {
            if (name.equals(MFE_PLUGIN)) {
                yaml.problem("plugins", "'mfe' (tutor-mfe) is enabled by images.mfe and hosts.mfe, perhaps remove it here");
            } else if (!TutorPluginFiles.NAME.matcher(name).matches()) {
                yaml.problem("plugins", "'" + name + "' is not a Tutor plugin name (lower-case letters, digits, '-' and '_')");
            } else if (!seen.add(name)) {
                yaml.problem("plugins", "lists '" + name + "' twice");
            } else {
                plugins.add(yamlPlugins.containsKey(name) ? yamlPlugins.get(name) : new TutorPlugin.Installed(name));
            }
        }
        return plugins;
    }

    private static Set<String> stacks(YamlObject yaml, Set<String> knownStacks) {
        Set<String> stacks = new LinkedHashSet<>();
        for (String stack : yaml.stringList("stacks")) {
            if (!knownStacks.contains(stack)) {
                yaml.problem("stacks", ClosestKey.among(stack, knownStacks)
                        .map(best -> "unknown stack '" + stack + "', perhaps '" + best + "'")
                        .orElse("unknown stack '" + stack + "'; stacks are " + String.join(", ", knownStacks)));
            } else if (!stacks.add(stack)) {
                yaml.problem("stacks", "lists '" + stack + "' twice");
            }
        }
        if (!yaml.has("stacks")) {
            yaml.problem("stacks", "missing, list the stacks that run this platform (e.g. [prod-primary, prod-dr])");
        }
        return Set.copyOf(stacks);
    }

    private static Hosts hosts(YamlObject hosts) {
        hosts.allowOnly(Set.of("lms", "cms", "mfe", "meilisearch"));
        String lms = host(hosts, "lms", true).orElse("");
        String cms = host(hosts, "cms", true).orElse("");
        return new Hosts(lms, cms, host(hosts, "mfe", false), host(hosts, "meilisearch", false));
    }

    private static Optional<String> host(YamlObject hosts, String key, boolean required) {
        Optional<String> value = required ? Optional.of(hosts.requiredString(key)).filter(s -> !s.isEmpty())
                : hosts.string(key);
        value.filter(v -> !HOST.matcher(v).matches())
                .ifPresent(v -> hosts.problem(key, "must be a lower-case DNS name such as learn.example.org (got '" + v + "')"));
        return value;
    }

    private static Images images(YamlObject images) {
        images.allowOnly(Set.of("openedx", "mfe", "caddy", "mysql", "mongodb", "redis", "meilisearch", "smtp"));
        return new Images(image(images, "openedx").orElseGet(() -> {
            images.problem("openedx", "missing");
            return "";
        }), image(images, "mfe"),
                image(images, "caddy").orElse(DefaultImages.CADDY),
                image(images, "mysql").orElse(DefaultImages.MYSQL),
                image(images, "mongodb").orElse(DefaultImages.MONGODB),
                image(images, "redis").orElse(DefaultImages.REDIS),
                image(images, "meilisearch").orElse(DefaultImages.MEILISEARCH),
                image(images, "smtp").orElse(DefaultImages.SMTP));
    }

    static Optional<String> image(YamlObject images, String key) {
        Optional<String> value = images.string(key);
        value.ifPresent(v -> {
            if (v.endsWith(":latest")) {
                images.problem(key, "must be pinned to a version, not 'latest' (got '" + v + "')");
            } else if (!IMAGE.matcher(v).matches()) {
                images.problem(key, "must be registry/repository:tag with an explicit tag, "
                        + "e.g. localhost:5000/openedx/openedx:21.0.1 (got '" + v + "')");
            }
        });
        return value;
    }

    private static Quota quota(YamlObject quota) {
        quota.allowOnly(Set.of("requestsCpu", "requestsMemory", "limitsCpu", "limitsMemory", "requestsStorage",
                "pods", "persistentVolumeClaims"));
        return new Quota(
                quota.quantity("requestsCpu", QuantityKind.CPU).orElse("16"),
                quota.quantity("requestsMemory", QuantityKind.MEMORY).orElse("48Gi"),
                quota.quantity("limitsCpu", QuantityKind.CPU).orElse("56"),
                quota.quantity("limitsMemory", QuantityKind.MEMORY).orElse("64Gi"),
                quota.quantity("requestsStorage", QuantityKind.STORAGE).orElse("500Gi"),
                quota.integer("pods", 100, 1, 10_000),
                quota.integer("persistentVolumeClaims", 20, 0, 1_000));
    }

    /** The API server refuses a LimitRange whose default request exceeds its default, or either its max. */
    private static ContainerLimits limits(YamlObject limits) {
        limits.allowOnly(Set.of("defaultRequest", "default", "max"));
        YamlObject max = limits.object("max");
        ContainerLimits read = new ContainerLimits(
                resources(limits.object("defaultRequest"), "100m", "256Mi"),
                resources(limits.object("default"), "1", "1Gi"),
                resources(max, "8", "16Gi"));
        WorkloadSpecParser.atMost(limits, "defaultRequest", read.defaultRequest(), "default", read.defaultLimit());
        WorkloadSpecParser.atMost(limits, "default", read.defaultLimit(), "max", read.max());
        WorkloadSpecParser.atMost(limits, "defaultRequest", read.defaultRequest(), "max", read.max());
        return read;
    }

    private static Resources resources(YamlObject resources, String cpu, String memory) {
        resources.allowOnly(Set.of("cpu", "memory"));
        return new Resources(resources.quantity("cpu", QuantityKind.CPU).orElse(cpu),
                resources.quantity("memory", QuantityKind.MEMORY).orElse(memory));
    }

    private static Sizing sizing(YamlObject sizing) {
        sizing.allowOnly(Set.of("lms", "cms", "lmsWorker", "cmsWorker", "mfe"));
        return new Sizing(
                replicas(sizing.object("lms"), 2, 6),
                replicas(sizing.object("cms"), 2, 4),
                fixedReplicas(sizing.object("lmsWorker"), 1),
                fixedReplicas(sizing.object("cmsWorker"), 1),
                fixedReplicas(sizing.object("mfe"), 2));
    }

    /** Workers and the MFE run a fixed number of pods: only lms and cms have an autoscaler. */
    private static Replicas fixedReplicas(YamlObject yaml, int defaultReplicas) {
        for (String key : List.of("minReplicas", "maxReplicas")) {
            if (yaml.has(key)) {
                yaml.problem(key, "has no effect: only lms and cms autoscale, the others run 'replicas' pods; "
                        + "perhaps remove it");
            }
        }
        yaml.allowOnly(Set.of("replicas", "minReplicas", "maxReplicas"));
        int replicas = yaml.integer("replicas", defaultReplicas, 0, 100);
        return new Replicas(replicas, replicas, replicas);
    }

    private static Replicas replicas(YamlObject yaml, int defaultReplicas, int defaultMax) {
        yaml.allowOnly(Set.of("replicas", "minReplicas", "maxReplicas"));
        int replicas = yaml.integer("replicas", defaultReplicas, 0, 100);
        int min = yaml.integer("minReplicas", replicas, 0, 100);
        int max = yaml.integer("maxReplicas", Math.max(defaultMax, replicas), 0, 100);
        if (min > max) {
            yaml.problem("minReplicas", "must not exceed maxReplicas (" + min + " > " + max + ")");
        }
        if (replicas < min || replicas > max) {
            yaml.problem("replicas", "must lie between minReplicas and maxReplicas (" + min + ".." + max
                    + ", got " + replicas + ")");
        }
        return new Replicas(replicas, min, max);
    }
}
