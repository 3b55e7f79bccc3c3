package io.edxstack.storage;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.edxstack.config.StackConfig.StorageConfig;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cluster's Cinder CSI storage classes: {@value #DEFAULT_CLASS} for scratch volumes and
 * {@value #RETAIN_CLASS} for data, whose Cinder volume outlives a deleted claim so that a mistaken
 * delete can be recovered from the volume itself.
 */
public final class CinderStorage extends ComponentResource {
    public static final String TYPE = "edxstack:storage:CinderStorage";
    public static final String PROVISIONER = "cinder.csi.openstack.org";
    public static final String DEFAULT_CLASS = "cinder";
    public static final String RETAIN_CLASS = "cinder-retain";

    private final StorageClass defaultClass;
    private final StorageClass retainClass;

    public CinderStorage(String name, StorageConfig config, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        this.defaultClass = storageClass(name + "-" + DEFAULT_CLASS, DEFAULT_CLASS, "Delete", config, config.markDefault());
        this.retainClass = storageClass(name + "-" + RETAIN_CLASS, RETAIN_CLASS, "Retain", config, false);
        registerOutputs(Map.of(
                "defaultClass", defaultClass.metadata().applyValue(m -> m.name().orElseThrow()),
                "retainClass", retainClass.metadata().applyValue(m -> m.name().orElseThrow())));
    }

    private StorageClass storageClass(String resourceName, String className, String reclaimPolicy,
                                      StorageConfig config, boolean isDefault) {
        Map<String, String> parameters = new LinkedHashMap<>();
        config.volumeType().ifPresent(type -> parameters.put("type", type));
        config.availabilityZone().ifPresent(zone -> parameters.put("availability", zone));
        parameters.put("csi.storage.k8s.io/fstype", config.fsType());
        Map<String, String> annotations = isDefault
                ? Map.of("storageclass.kubernetes.io/is-default-class", "true") : Map.of();
        return new StorageClass(resourceName, StorageClassArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(className)
                        .labels(Map.of("app.kubernetes.io/part-of", "edxstack",
                                "app.kubernetes.io/managed-by", "pulumi"))
                        .annotations(annotations)
                        .build())
                .provisioner(PROVISIONER)
                .reclaimPolicy(reclaimPolicy)
                .allowVolumeExpansion(true)
                // Binding waits for the pod so the volume is made in the zone its node runs in.
                .volumeBindingMode("WaitForFirstConsumer")
                .parameters(parameters)
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    public Output<String> defaultClassName() {
        return Output.of(DEFAULT_CLASS);
    }

    public Output<String> retainClassName() {
        return Output.of(RETAIN_CLASS);
    }

    /** Workloads that mount a data volume depend on this, so the class exists before the claim. */
    public StorageClass retainClass() {
        return retainClass;
    }

    public StorageClass defaultClass() {
        return defaultClass;
    }
}
