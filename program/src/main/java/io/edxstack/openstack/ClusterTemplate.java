package io.edxstack.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** A Magnum cluster template: immutable in Magnum once a cluster uses it. */
@ResourceType(type = ClusterTemplate.TYPE)
public final class ClusterTemplate extends CustomResource {
    public static final String TYPE = "openstack:containerinfra/clusterTemplate:ClusterTemplate";
    /** Outputs kept secret whatever the provider reports: the provider marks none of this resource\'s sensitive. */
    static final List<String> SECRET_OUTPUTS = List.of();

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "coe", refs = {String.class}, tree = "[0]")
    private Output<String> coe;

    @Export(name = "labels", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private Output<Map<String, String>> labels;

    public ClusterTemplate(String name, ClusterTemplateArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, OpenStackPlugin.withDefaults(options, SECRET_OUTPUTS));
    }

    public Output<String> name() {
        return name;
    }

    public Output<String> coe() {
        return coe;
    }

    public Output<Map<String, String>> labels() {
        return labels;
    }
}
