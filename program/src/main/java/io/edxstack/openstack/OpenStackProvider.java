package io.edxstack.openstack;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;

import javax.annotation.Nullable;
import java.util.List;

/** An explicit OpenStack provider per region: no resource ever falls back to ambient defaults. */
public final class OpenStackProvider extends ProviderResource {

    public OpenStackProvider(String name, OpenStackProviderArgs args, @Nullable CustomResourceOptions options) {
        super("openstack", name, args, OpenStackPlugin.withDefaults(options, List.of()));
    }
}
