package io.edxstack.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.edxstack.config.PlatformSpec;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Open edX platform: its own namespace, isolated from the others, and everything that runs in it:
 * secrets, data services, settings, init jobs, web and workers, front door, autoscaling.
 */
public final class Platform extends ComponentResource {
    public static final String TYPE = "edxstack:platform:Platform";

    private final Output<String> namespace;
    private final List<com.pulumi.resources.Resource> secretsWritten;

    public Platform(String name, PlatformArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        PlatformSpec spec = args.spec();
        var ns = new Namespace(name, NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(spec.name())
                        .labels(PlatformLabels.namespace(spec.name()))
                        .annotations(namespaceAnnotations(spec, args))
                        .build())
                // The namespace takes the platform's volumes with it when deleted: protected like the volumes.
                .build(), CustomResourceOptions.builder().parent(this).protect(true).build());
        this.namespace = ns.metadata().applyValue(m -> m.name().orElseThrow());
        NamespaceIsolation.create(spec, namespace, args.stack().ingressNamespace(),
                CustomResourceOptions.builder().parent(this).build());

        var scope = new PlatformScope(spec, args.stack(), namespace, this);
        var secrets = new PlatformSecrets(scope);
        var tutor = TutorConfigs.environment(spec, args.stack());
        var settings = new PlatformSettings(scope, tutor);
        var lmsPod = new OpenedxPod(scope, secrets, settings, "lms");
        var cmsPod = new OpenedxPod(scope, secrets, settings, "cms");
        // Storage class, data services, init jobs, then the web and workers: new pods start once their
        // migrations ran (on an active stack) and their data services are up.
        // Every workload reads Secrets: the chain starts once the ones this stack writes exist.
        List<com.pulumi.resources.Resource> first = new ArrayList<>(args.retainClass().stream().toList());
        first.addAll(secrets.created());
        var order = new StartOrder(first);
        new DataServices(scope, secrets, tutor, order);
        new InitJobs(scope, secrets, tutor, lmsPod, cmsPod, order);
        var web = new WebWorkloads(scope, tutor, lmsPod, cmsPod, order.after());
        new FrontDoor(scope, tutor, args.issuer().map(List::of).orElse(List.of()));
        Autoscaling.autoscaler(scope, "lms", spec.sizing().lms(), web.lms);
        Autoscaling.autoscaler(scope, "cms", spec.sizing().cms(), web.cms);
        for (String serving : spec.hasMfe() ? List.of("lms", "cms", "mfe") : List.of("lms", "cms")) {
            Autoscaling.disruptionBudget(scope, serving);
        }
        this.secretsWritten = List.copyOf(secrets.created());
        registerOutputs(Map.of("namespace", namespace));
    }

    public Output<String> namespace() {
        return namespace;
    }

    /** The Secrets this stack writes for the platform: whatever else mounts them waits for them. */
    public List<com.pulumi.resources.Resource> secretsWritten() {
        return secretsWritten;
    }

    /**
     * What the review policies read off the namespace: which stacks run the platform, which databases
     * live outside the cluster and which Secrets the platform expects someone else to have created.
     */
    static Map<String, String> namespaceAnnotations(PlatformSpec spec, PlatformArgs args) {
        Map<String, String> annotations = new TreeMap<>(PlatformLabels.namespaceAnnotations(spec));
        List<String> external = new ArrayList<>();
        spec.services().byName().forEach((service, serviceSpec) -> {
            if (!serviceSpec.internal() && !service.equals("smtp")) {
                external.add(service);
            }
        });
        if (!external.isEmpty()) {
            annotations.put(PlatformLabels.EXTERNAL_DATABASES, String.join(",", external));
        }
        var secrets = PlatformSecrets.externalSecretNames(spec, args.stack());
        if (!secrets.isEmpty()) {
            annotations.put(PlatformLabels.EXTERNAL_SECRETS, String.join(",", secrets));
        }
        return annotations;
    }
}
