package io.edxstack.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.List;

/** EC2-style (S3) keys of the deploying user, valid on every region's RGW that trusts the shared Keystone. */
@ResourceType(type = Ec2CredentialV3.TYPE)
public final class Ec2CredentialV3 extends CustomResource {
    public static final String TYPE = "openstack:identity/ec2CredentialV3:Ec2CredentialV3";
    /** Outputs kept secret whatever the provider reports (the provider marks the same ones sensitive). */
    static final List<String> SECRET_OUTPUTS = List.of("secret");

    @Export(name = "access", refs = {String.class}, tree = "[0]")
    private Output<String> access;

    @Export(name = "secret", refs = {String.class}, tree = "[0]")
    private Output<String> secret;

    public Ec2CredentialV3(String name, Ec2CredentialV3Args args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, OpenStackPlugin.withDefaults(options, SECRET_OUTPUTS));
    }

    public Output<String> access() {
        return access;
    }

    public Output<String> secret() {
        return secret;
    }
}
