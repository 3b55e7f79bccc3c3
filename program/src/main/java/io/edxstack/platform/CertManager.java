package io.edxstack.platform;

import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import io.edxstack.config.StackConfig;
import io.edxstack.config.StackConfig.FrontDoorMode;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cert-manager for the whole cluster, once per stack: the Helm release (unless the cluster already runs
 * it) and the ACME ClusterIssuer every platform's Certificate names. Certificates end up in Secrets, so
 * no front-door pod keeps ACME state and a restart never asks Let's Encrypt for anything.
 */
public final class CertManager extends ComponentResource {
    public static final String TYPE = "edxstack:platform:CertManager";
    public static final String ISSUER = "edxstack-letsencrypt";
    public static final String NAMESPACE = "cert-manager";
    public static final String CHART_REPOSITORY = "https://charts.jetstack.io";
    /** The IngressClass of the solver's Ingresses in Caddy mode: implemented by nobody, so they stay inert. */
    static final String CADDY_SOLVER_CLASS = "edxstack-caddy";

    private final CustomResource issuer;

    public CertManager(String name, StackConfig stack, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var config = stack.workloads().certManager();
        var issuerOptions = CustomResourceOptions.builder().parent(this);
        if (config.install()) {
            var release = new Release(name, ReleaseArgs.builder()
                    .name("cert-manager")
                    .chart("cert-manager")
                    .version(config.chartVersion())
                    .repositoryOpts(RepositoryOptsArgs.builder().repo(CHART_REPOSITORY).build())
                    .namespace(NAMESPACE)
                    .createNamespace(true)
                    .atomic(true)
                    .timeout(600)
                    .values(values())
                    .build(), CustomResourceOptions.builder().parent(this).build());
            issuerOptions.dependsOn(release);
        }
        var frontDoor = stack.workloads().frontDoor();
        String solverClass = frontDoor.mode() == FrontDoorMode.INGRESS ? frontDoor.ingressClass() : CADDY_SOLVER_CLASS;
        Map<String, Object> acme = new LinkedHashMap<>();
        acme.put("email", config.acmeEmail());
        acme.put("server", config.acmeServer());
        acme.put("privateKeySecretRef", Map.of("name", ISSUER + "-account"));
        acme.put("solvers", List.of(Map.of("http01", Map.of("ingress", Map.of("ingressClassName", solverClass)))));
        this.issuer = new CertManagerObjects.ClusterIssuer(name + "-issuer", CustomObjectArgs.of(CertManagerObjects.API_VERSION,
                "ClusterIssuer", ObjectMetaArgs.builder().name(ISSUER)
                        .labels(Map.of("app.kubernetes.io/part-of", "edxstack", "app.kubernetes.io/managed-by", "edxstack"))
                        .build(), Map.of("acme", acme)), issuerOptions.build());
        registerOutputs(Map.of());
    }

    /** The stack's ClusterIssuer (named {@value #ISSUER}): platforms' Certificates wait for it. */
    public CustomResource issuer() {
        return issuer;
    }

    /**
     * CRDs installed and kept if the release is ever removed (deleting them would delete every
     * Certificate); combined PEM output on, which Caddy loads.
     */
    private static Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("crds", Map.of("enabled", true, "keep", true));
        values.put("featureGates", "AdditionalCertificateOutputFormats=true");
        values.put("webhook", Map.of("featureGates", "AdditionalCertificateOutputFormats=true"));
        return values;
    }
}
