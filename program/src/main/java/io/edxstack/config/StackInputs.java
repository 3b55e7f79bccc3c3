package io.edxstack.config;

import io.edxstack.config.StackConfig.MagnumClusterConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything a stack is built from, validated as a whole before a single resource is registered: its
 * config, the shared catalogue, and the checks that need both.
 */
public record StackInputs(StackConfig config, Catalogue catalogue) {

    public static StackInputs load(Path projectDir, String stackName, RawConfig raw) {
        Problems problems = new Problems();
        StackConfig config = StackConfigParser.parse(stackName, raw, problems);
        Catalogue catalogue = Catalogue.load(projectDir, stackNames(projectDir, stackName), problems);
        if (config.cluster() instanceof MagnumClusterConfig cluster) {
            checkTemplate(raw.source(), cluster, catalogue, problems);
        }
        checkPeerStack(projectDir, raw.source(), config, problems);
        checkSchedulesAgainstRpo(raw.source(), config, catalogue.platformsOf(stackName), problems);
        FileNames.checkProject(projectDir, problems);
        problems.throwIfAny();
        return new StackInputs(config, catalogue);
    }

    public List<PlatformSpec> platforms() {
        return catalogue.platformsOf(config.stackName());
    }

    private static void checkTemplate(String source, MagnumClusterConfig cluster, Catalogue catalogue, Problems problems) {
        String key = ConfigKeys.CLUSTER_TEMPLATE.fullName();
        if (cluster.templateVersion().isEmpty()) {
            return;
        }
        var template = catalogue.template(cluster.templateVersion());
        if (template.isEmpty()) {
            problems.add(source, key, ClosestKey.among(cluster.templateVersion(), catalogue.templates().keySet())
                    .map(best -> "no template version '" + cluster.templateVersion() + "' in " + Catalogue.TEMPLATES_DIR
                            + ", perhaps '" + best + "'")
                    .orElse("no template version '" + cluster.templateVersion() + "' in " + Catalogue.TEMPLATES_DIR));
            return;
        }
        var spec = template.get();
        if (cluster.masterCount() > 1 && !spec.masterLbEnabled()) {
            problems.add(source, ConfigKeys.CLUSTER_MASTER_COUNT.fullName(), "needs a template with masterLbEnabled: true "
                    + "(" + spec.file() + "): several masters are reached only through the load balancer");
        }
        if (cluster.nodeCount() < spec.minNodeCount() || cluster.nodeCount() > spec.maxNodeCount()) {
            problems.add(source, ConfigKeys.CLUSTER_NODE_COUNT.fullName(), "must lie within the template's node bounds "
                    + spec.minNodeCount() + ".." + spec.maxNodeCount() + " (" + spec.file() + "), got " + cluster.nodeCount());
        }
    }

    /**
     * The peer is named by its stack ({@code prod-dr}) or fully ({@code org/edxstack/prod-dr}); either way its
     * stack file must be in this project. A misspelt peer is never found in the state backend, and the
     * split-brain guard then only warns: refused here instead.
     */
    private static void checkPeerStack(Path projectDir, String source, StackConfig config, Problems problems) {
        if (config.peerStack().isEmpty()) {
            return;
        }
        String key = ConfigKeys.PEER_STACK.fullName();
        String peer = peerStackName(config.peerStack().get());
        Set<String> stacks = new TreeSet<>(stackNames(projectDir, config.stackName()));
        stacks.remove(config.stackName());
        if (!stacks.contains(peer)) {
            problems.add(source, key, ClosestKey.among(peer, stacks)
                    .map(best -> "names no stack of this project (no Pulumi." + peer + ".yaml), perhaps '" + best + "'")
                    .orElse("names no stack of this project (no Pulumi." + peer + ".yaml); the stacks are " + stacks));
            return;
        }
        try {
            StackFiles.read(projectDir, peer);
        } catch (ConfigException e) {
            problems.add(source, key, "names " + peer + ", whose stack file cannot be read: "
                    + e.problems().get(0));
        }
    }

    /** {@code org/edxstack/prod-dr} and {@code prod-dr} both name the stack file {@code Pulumi.prod-dr.yaml}. */
    public static String peerStackName(String peerStack) {
        return peerStack.substring(peerStack.lastIndexOf('/') + 1);
    }

    /**
     * A backup schedule with gaps longer than the RPO loses more than the RPO allows whenever the region
     * fails just before a run, and {@code failover check} fails between runs.
     */
    private static void checkSchedulesAgainstRpo(String source, StackConfig config, List<PlatformSpec> platforms,
                                                 Problems problems) {
        java.time.Duration rpo = config.backup().rpo();
        for (PlatformSpec platform : platforms) {
            String schedule = platform.backup().backup();
            java.time.Duration gap;
            try {
                gap = CronSchedule.parse(schedule).longestGap();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (gap.compareTo(rpo) > 0) {
                problems.add(platform.file(), "backup.schedule", "leaves up to " + minutes(gap) + " between backups, "
                        + "more than the RPO of " + minutes(rpo) + " (edxstack:backup.rpoMinutes in " + source + "): "
                        + "perhaps '" + suggestion(rpo) + "', or raise the RPO (got '" + schedule + "')");
            }
        }
    }

    private static String minutes(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    private static String suggestion(java.time.Duration rpo) {
        long minutes = rpo.toMinutes();
        if (minutes < 60) {
            return "*/" + minutes + " * * * *";
        }
        long hours = Math.min(minutes / 60, 23);
        return hours == 1 ? "15 * * * *" : "15 */" + hours + " * * *";
    }

    /** The stacks of this project: one {@code Pulumi.<stack>.yaml} each. */
    static Set<String> stackNames(Path projectDir, String currentStack) {
        Set<String> names = new TreeSet<>();
        names.add(currentStack);
        try (Stream<Path> files = Files.list(projectDir)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("Pulumi.") && f.endsWith(".yaml") && !f.equals("Pulumi.yaml"))
                    .map(f -> f.substring("Pulumi.".length(), f.length() - ".yaml".length()))
                    .forEach(names::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the project directory " + projectDir + ": " + e.getMessage(), e);
        }
        return names;
    }
}
