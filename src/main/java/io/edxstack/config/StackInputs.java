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
