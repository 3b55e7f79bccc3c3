package io.edxstack.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.Map;

/** One Open edX platform: its own namespace, isolated from the others, and everything that runs in it. */
public final class Platform extends ComponentResource {
    public static final String TYPE = "edxstack:platform:Platform";

    private final Output<String> namespace;

    public Platform(String name, PlatformArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var spec = args.spec();
        // The namespace takes the platform's volumes with it when deleted: protected like the volumes.
        var ns = new Namespace(name, NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(spec.name())
                        .labels(PlatformLabels.namespace(spec.name()))
                        .annotations(PlatformLabels.namespaceAnnotations(spec))
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).protect(true).build());
        this.namespace = ns.metadata().applyValue(m -> m.name().orElseThrow());
        NamespaceIsolation.create(spec, namespace, args.stack().ingressNamespace(),
                CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("namespace", namespace));
    }

    public Output<String> namespace() {
        return namespace;
    }
}
