package io.edxstack.openstack;

import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.List;

/**
 * The pulumi-openstack plugin these bindings are written against. The engine loads the plugin named by
 * each resource's {@code version} option; {@code com/pulumi/openstack/plugin.json} lets the Java language
 * host announce it ahead of time (pulumi install, pulumi plugin ls).
 */
public final class OpenStackPlugin {
    public static final String VERSION = "5.5.1";

    private OpenStackPlugin() {
    }

    /** The caller's options on top of the plugin version and the outputs that must stay secret. */
    static CustomResourceOptions withDefaults(@Nullable CustomResourceOptions options, List<String> secretOutputs) {
        var defaults = CustomResourceOptions.builder()
                .version(VERSION)
                .additionalSecretOutputs(secretOutputs)
                .build();
        return CustomResourceOptions.merge(defaults, options);
    }
}
