package io.edxstack.review.report;

import io.edxstack.policies.kube.KubeObject;
import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.PropertyPath;
import io.edxstack.review.change.ResourceChange;
import java.util.List;
import java.util.Locale;

/**
 * Which catalogue or stack-file key a changed property comes from. Deliberately small: the keys whose
 * changes reviewers most need pinned to a line. Anything else falls back to a value search and then to
 * the top of the file (see docs/review-and-deploy.md, "Where comments land").
 */
final class CatalogueKeys {

    static final String CLUSTER = "openstack:containerinfra/cluster:Cluster";
    static final String CLUSTER_TEMPLATE = "openstack:containerinfra/clusterTemplate:ClusterTemplate";
    /** Cluster inputs that come from the cluster template file, not the stack file. */
    static final List<String> TEMPLATE_INPUTS = List.of("flavor", "masterFlavor", "dockerVolumeSize", "labels");

    private CatalogueKeys() {
    }

    /** Keys of {@code stacks/platforms/<platform>.yaml} for a platform resource's property. */
    static List<List<String>> platformKeys(ResourceChange change, PropertyChange property) {
        String path = property.path();
        if (change.type().endsWith(":Deployment") || change.type().endsWith(":HorizontalPodAutoscaler")) {
            String component = camel(change.latestState() == null ? ""
                    : KubeObject.labels(change.latestState()).getOrDefault(KubeObject.COMPONENT_LABEL, ""), '-');
            for (String sizing : List.of("replicas", "minReplicas", "maxReplicas")) {
                if (path.equals("spec." + sizing)) {
                    return List.of(List.of("sizing", component, sizing), List.of("sizing", component));
                }
            }
        }
        return List.of();
    }

    /** Sections of the platform file to fall back on when neither a key nor the new value is found. */
    static List<List<String>> platformSections(ResourceChange change, PropertyChange property) {
        if (PropertyPath.lastKey(property.path()).equals("image")) {
            return List.of(List.of("images"));
        }
        if (change.type().endsWith(":Ingress")) {
            return List.of(List.of("hosts"));
        }
        if (change.type().endsWith(":ResourceQuota")) {
            return List.of(List.of("quota"));
        }
        if (change.type().endsWith(":LimitRange")) {
            return List.of(List.of("limits"));
        }
        return List.of();
    }

    /** Keys of {@code Pulumi.<stack>.yaml} for a stack-wide resource's property. */
    static List<List<String>> stackKeys(ResourceChange change, PropertyChange property) {
        if (change.type().equals(CLUSTER) && property != null) {
            String first = firstKey(property.path());
            String key = switch (first) {
                case "clusterTemplateId" -> "template";
                case "nodeCount", "masterCount", "keypair", "name", "createTimeout" -> first;
                default -> null;
            };
            return key == null ? List.of() : List.of(List.of("config", "edxstack:cluster." + key));
        }
        if (change.type().equals(CLUSTER_TEMPLATE)) {
            return List.of(List.of("config", "edxstack:cluster.template"));
        }
        if (change.type().endsWith(":StorageClass")) {
            return List.of(List.of("config", "edxstack:storage.volumeType"));
        }
        return List.of();
    }

    /** Keys of {@code stacks/cluster-templates/<version>.yaml} for a template (or template-fed cluster) input. */
    static List<List<String>> templateKeys(PropertyChange property) {
        List<Object> steps = PropertyPath.parse(property.path());
        if (steps.size() >= 2 && "labels".equals(steps.get(0)) && steps.get(1) instanceof String label) {
            return List.of(List.of(camel(label, '_')), List.of("extraLabels", label));
        }
        return List.of(List.of(firstKey(property.path())));
    }

    static String firstKey(String path) {
        List<Object> steps = PropertyPath.parse(path);
        return steps.isEmpty() ? "" : String.valueOf(steps.get(0));
    }

    /** {@code lms-worker} to {@code lmsWorker}, {@code kube_tag} to {@code kubeTag}. */
    static String camel(String text, char separator) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char current : text.toCharArray()) {
            if (current == separator) {
                upper = true;
            } else {
                camel.append(upper ? String.valueOf(current).toUpperCase(Locale.ROOT) : current);
                upper = false;
            }
        }
        return camel.toString();
    }
}
