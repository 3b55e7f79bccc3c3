package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import io.edxstack.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes mounts a service-account token into every pod unless told otherwise; nothing of an Open edX
 * platform talks to the Kubernetes API, and a token in a compromised web pod is a foothold in the cluster.
 * The pod's own {@code automountServiceAccountToken} decides; unset, its ServiceAccount's (when the stack
 * declares it) does; unset on both, the token is mounted.
 */
public final class ServiceAccountTokenRule implements PolicyRule {

    @Override
    public String id() {
        return "workload-service-account-token";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "No pod mounts a service-account token (automountServiceAccountToken: false on the pod or its"
                + " ServiceAccount); a pod that needs the API is exempted with the reason";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        List<Finding> findings = new ArrayList<>();
        state.workloads().forEach(workload -> {
            Object own = workload.podSpec().get("automountServiceAccountToken");
            String path = workload.podSpecPath() + ".automountServiceAccountToken";
            if (Values.isHidden(own)) {
                findings.add(Finding.cannotEvaluate(workload.resource(), workload.describe(), path));
                return;
            }
            if (own != null) {
                if (Boolean.FALSE.equals(own) || "false".equals(own)) {
                    return;
                }
                findings.add(new Finding(workload.resource(), workload.describe() + " sets " + path
                        + ": true; set it to false, or exempt the workload in the policy set with the reason it"
                        + " needs the Kubernetes API"));
                return;
            }
            Object account = serviceAccountName(workload);
            if (Values.isHidden(account)) {
                findings.add(Finding.cannotEvaluate(workload.resource(), workload.describe(),
                        workload.podSpecPath() + ".serviceAccountName"));
                return;
            }
            String name = account == null ? "default" : String.valueOf(account);
            Optional<ResourceState> declared = state.find("ServiceAccount", workload.namespace(), name);
            Object fromAccount = declared.map(sa -> sa.input("automountServiceAccountToken")).orElse(null);
            if (Values.isHidden(fromAccount)) {
                findings.add(Finding.cannotEvaluate(workload.resource(), workload.describe(),
                        "automountServiceAccountToken of ServiceAccount '" + name + "'"));
            } else if (!Boolean.FALSE.equals(fromAccount) && !"false".equals(fromAccount)) {
                findings.add(new Finding(workload.resource(), workload.describe() + " mounts the token of"
                        + " ServiceAccount '" + name + "'; set " + path + ": false (or on a ServiceAccount the"
                        + " stack declares), or exempt the workload with the reason it needs the Kubernetes API"));
            }
        });
        return findings;
    }

    /** {@code serviceAccountName}, else the deprecated {@code serviceAccount}; null when neither is set. */
    static Object serviceAccountName(Workload workload) {
        Object name = workload.podSpec().get("serviceAccountName");
        return name != null && !"".equals(name) ? name : workload.podSpec().get("serviceAccount");
    }
}
