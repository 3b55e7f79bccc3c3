package io.edxstack.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackConfig;

import java.util.List;
import java.util.Map;

/**
 * What every part of a platform needs to register its objects: the catalogue entry, the stack, the
 * namespace (as an output, so each object waits for it) and the component that parents them all.
 */
record PlatformScope(PlatformSpec spec, StackConfig stack, Output<String> namespace, Resource parent) {

    String platform() {
        return spec.name();
    }

    boolean active() {
        return stack.isActive();
    }

    /** Logical names start with the platform's name, so a second platform never collides. */
    String name(String suffix) {
        return spec.name() + "-" + suffix;
    }

    CustomResourceOptions options() {
        return CustomResourceOptions.builder().parent(parent).build();
    }

    CustomResourceOptions options(List<? extends Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(parent).dependsOn(List.copyOf(dependsOn)).build();
    }

    ObjectMetaArgs metadata(String objectName, Map<String, String> labels) {
        return ObjectMetaArgs.builder().name(objectName).namespace(namespace).labels(labels).build();
    }

    ObjectMetaArgs metadata(String objectName, Map<String, String> labels, Map<String, String> annotations) {
        return ObjectMetaArgs.builder().name(objectName).namespace(namespace).labels(labels)
                .annotations(annotations).build();
    }

    Map<String, String> labels(String name, String component) {
        return PlatformLabels.of(spec.name(), name, component);
    }
}
