package io.edxstack.policies.rules.wiring;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Volumes name a StorageClass the stack itself declares. Relying on the cluster's default class
 * would put data on whatever Magnum's template picked, which differs between regions.
 */
public final class StorageClassExistsRule implements PolicyRule {

    @Override
    public String id() {
        return "storage-class-exists";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every PVC and StatefulSet volumeClaimTemplate names a StorageClass declared in the stack";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        Set<String> classes = state.ofKind("StorageClass").map(KubeObject::objectName).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        state.ofKind("PersistentVolumeClaim").forEach(claim ->
                check(claim, "spec", Values.map(claim.inputs(), "spec"), classes, findings));
        state.ofKind("StatefulSet").forEach(statefulSet -> {
            List<Map<String, Object>> templates = Values.maps(statefulSet.inputs(), "spec.volumeClaimTemplates");
            for (int index = 0; index < templates.size(); index++) {
                check(statefulSet, "spec.volumeClaimTemplates[" + index + "].spec",
                        Values.map(templates.get(index), "spec"), classes, findings);
            }
        });
        return findings;
    }

    private static void check(ResourceState owner, String path, Map<String, Object> claimSpec, Set<String> classes,
                              List<Finding> findings) {
        String storageClass = Values.string(claimSpec, "storageClassName");
        if (storageClass == null) {
            findings.add(new Finding(owner, KubeObject.describe(owner) + " sets no " + path
                    + ".storageClassName; name one of the stack's StorageClasses " + classes));
        } else if (!classes.contains(storageClass)) {
            findings.add(new Finding(owner, KubeObject.describe(owner) + " uses StorageClass '" + storageClass
                    + "', which the stack does not declare; use one of " + classes + " or add that StorageClass"));
        }
    }
}
