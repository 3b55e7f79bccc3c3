package io.edxstack.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.List;

/** A Designate record set: the DNS name of a platform's host. */
@ResourceType(type = RecordSet.TYPE)
public final class RecordSet extends CustomResource {
    public static final String TYPE = "openstack:dns/recordSet:RecordSet";
    /** Outputs kept secret whatever the provider reports: the provider marks none of this resource\'s sensitive. */
    static final List<String> SECRET_OUTPUTS = List.of();

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "records", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> records;

    public RecordSet(String name, RecordSetArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, OpenStackPlugin.withDefaults(options, SECRET_OUTPUTS));
    }

    public Output<String> name() {
        return name;
    }

    public Output<List<String>> records() {
        return records;
    }
}
