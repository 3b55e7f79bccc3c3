package io.edxstack.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.List;

/** An object-storage container: on Ceph RGW, an S3 bucket. */
@ResourceType(type = Container.TYPE)
public final class Container extends CustomResource {
    public static final String TYPE = "openstack:objectstorage/container:Container";
    /** Outputs kept secret whatever the provider reports: the provider marks none of this resource\'s sensitive. */
    static final List<String> SECRET_OUTPUTS = List.of();

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    public Container(String name, ContainerArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, OpenStackPlugin.withDefaults(options, SECRET_OUTPUTS));
    }

    public Output<String> name() {
        return name;
    }
}
