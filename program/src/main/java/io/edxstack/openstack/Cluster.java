package io.edxstack.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** A Magnum Kubernetes cluster. Its kubeconfig is a secret output, as in the provider's own SDK. */
@ResourceType(type = Cluster.TYPE)
public final class Cluster extends CustomResource {
    public static final String TYPE = "openstack:containerinfra/cluster:Cluster";
    /** Outputs kept secret whatever the provider reports (the provider marks the same ones sensitive). */
    static final List<String> SECRET_OUTPUTS = List.of("kubeconfig");

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "clusterTemplateId", refs = {String.class}, tree = "[0]")
    private Output<String> clusterTemplateId;

    @Export(name = "apiAddress", refs = {String.class}, tree = "[0]")
    private Output<String> apiAddress;

    @Export(name = "coeVersion", refs = {String.class}, tree = "[0]")
    private Output<String> coeVersion;

    @Export(name = "masterAddresses", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> masterAddresses;

    @Export(name = "nodeAddresses", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> nodeAddresses;

    /** Magnum's kubeconfig: {@code rawConfig} holds the whole file, beside host and certificates. */
    @Export(name = "kubeconfig", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private Output<Map<String, String>> kubeconfig;

    public Cluster(String name, ClusterArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, OpenStackPlugin.withDefaults(options, SECRET_OUTPUTS));
    }

    public Output<String> name() {
        return name;
    }

    public Output<String> clusterTemplateId() {
        return clusterTemplateId;
    }

    public Output<String> apiAddress() {
        return apiAddress;
    }

    public Output<String> coeVersion() {
        return coeVersion;
    }

    public Output<List<String>> masterAddresses() {
        return masterAddresses;
    }

    public Output<List<String>> nodeAddresses() {
        return nodeAddresses;
    }

    public Output<Map<String, String>> kubeconfig() {
        return kubeconfig;
    }
}
