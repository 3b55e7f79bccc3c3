package io.edxstack.cluster;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRole;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.Role;
import com.pulumi.kubernetes.rbac.v1.RoleArgs;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's read-only identity: the ServiceAccount {@value #NAME} in {@value #NAMESPACE}, bound to Kubernetes'
 * own {@code view} and to {@value #NAME}, which adds only reads a refresh of this stack makes and {@code view} lacks.
 * The drift job refreshes with a token of this account; it can read the stack back, never change it.
 *
 * <p>What the extra role grants, and why:
 * <ul>
 *   <li>{@code get} on Secrets, without list or watch: a refresh reads each Secret the stack manages by name. The drift
 *   job holds the stack's passphrase, from which every platform password derives, so the grant discloses nothing it
 *   cannot already derive; without list it cannot enumerate the other Secrets of the cluster.</li>
 *   <li>StorageClasses, cert-manager's ClusterIssuers, Issuers and Certificates, CustomResourceDefinitions and
 *   admission webhooks: kinds the stack (or its cert-manager release) manages that {@code view} does not cover.</li>
 *   <li>Its own ClusterRole and ClusterRoleBindings by name, so the refresh can read them back.</li>
 *   <li>When the stack installs cert-manager with Helm: list of Secrets in that namespace only, where Helm keeps the
 *   release record a refresh reads.</li>
 * </ul>
 */
public final class ReaderAccess extends ComponentResource {
    public static final String TYPE = "edxstack:cluster:ReaderAccess";
    public static final String NAME = "edxstack-reader";
    public static final String NAMESPACE = "kube-system";
    /** Kubernetes' built-in read-only role (no Secrets, no RBAC, no cluster-scoped storage). */
    public static final String VIEW = "view";
    static final String VIEW_BINDING = NAME + "-view";
    private static final List<String> READ = List.of("get", "list", "watch");
    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/part-of", "edxstack",
            "app.kubernetes.io/managed-by", "edxstack");

    /**
     * @param helmNamespace the namespace of a Helm release the stack installs (its release record is Secrets there)
     */
    public ReaderAccess(String name, Optional<String> helmNamespace, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var account = new ServiceAccount(name, ServiceAccountArgs.builder()
                .metadata(meta(NAME).namespace(NAMESPACE).build())
                .automountServiceAccountToken(false)
                .build(), child);
        var subject = List.of(SubjectArgs.builder().kind("ServiceAccount").name(NAME).namespace(NAMESPACE).build());
        new ClusterRoleBinding(name + "-view", ClusterRoleBindingArgs.builder()
                .metadata(meta(VIEW_BINDING).build())
                .roleRef(roleRef("ClusterRole", VIEW))
                .subjects(subject)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(account).build());
        var role = new ClusterRole(name, ClusterRoleArgs.builder()
                .metadata(meta(NAME).build())
                .rules(extraRules())
                .build(), child);
        new ClusterRoleBinding(name, ClusterRoleBindingArgs.builder()
                .metadata(meta(NAME).build())
                .roleRef(roleRef("ClusterRole", NAME))
                .subjects(subject)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(List.of(account, role)).build());
        helmNamespace.ifPresent(namespace -> {
            var helmRole = new Role(name + "-helm", RoleArgs.builder()
                    .metadata(meta(NAME + "-helm").namespace(namespace).build())
                    .rules(List.of(rule("", List.of("secrets"), List.of("get", "list"))))
                    .build(), child);
            new RoleBinding(name + "-helm", RoleBindingArgs.builder()
                    .metadata(meta(NAME + "-helm").namespace(namespace).build())
                    .roleRef(roleRef("Role", NAME + "-helm"))
                    .subjects(subject)
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(List.of(account, helmRole)).build());
        });
        registerOutputs(Map.of("serviceAccount", Output.of(NAMESPACE + "/" + NAME)));
    }

    /** The reads {@code view} lacks; each one is named in the class comment. */
    static List<PolicyRuleArgs> extraRules() {
        return List.of(
                rule("", List.of("secrets"), List.of("get")),
                rule("storage.k8s.io", List.of("storageclasses"), READ),
                rule("cert-manager.io", List.of("clusterissuers", "issuers", "certificates"), READ),
                rule("apiextensions.k8s.io", List.of("customresourcedefinitions"), READ),
                rule("admissionregistration.k8s.io", List.of("mutatingwebhookconfigurations",
                        "validatingwebhookconfigurations"), READ),
                PolicyRuleArgs.builder().apiGroups("rbac.authorization.k8s.io")
                        .resources("clusterroles", "clusterrolebindings")
                        .resourceNames(NAME, VIEW_BINDING)
                        .verbs("get").build());
    }

    private static PolicyRuleArgs rule(String group, List<String> resources, List<String> verbs) {
        return PolicyRuleArgs.builder().apiGroups(group).resources(resources).verbs(verbs).build();
    }

    private static RoleRefArgs roleRef(String kind, String name) {
        return RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind(kind).name(name).build();
    }

    private static ObjectMetaArgs.Builder meta(String name) {
        return ObjectMetaArgs.builder().name(name).labels(LABELS);
    }
}
