package io.edxstack.platform;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.kubernetes.Utilities;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;

/** cert-manager's objects, registered through the Kubernetes provider like any custom resource. */
final class CertManagerObjects {
    static final String API_VERSION = "cert-manager.io/v1";

    private CertManagerObjects() {
    }

    /** The provider plugin the typed Kubernetes resources use, so the engine loads one plugin for all. */
    static CustomResourceOptions withVersion(@Nullable CustomResourceOptions options) {
        return CustomResourceOptions.merge(CustomResourceOptions.builder().version(Utilities.getVersion()).build(), options);
    }

    @ResourceType(type = ClusterIssuer.TYPE)
    static final class ClusterIssuer extends CustomResource {
        static final String TYPE = "kubernetes:" + API_VERSION + ":ClusterIssuer";

        ClusterIssuer(String name, CustomObjectArgs args, @Nullable CustomResourceOptions options) {
            super(TYPE, name, args, withVersion(options));
        }
    }

    @ResourceType(type = Certificate.TYPE)
    static final class Certificate extends CustomResource {
        static final String TYPE = "kubernetes:" + API_VERSION + ":Certificate";

        Certificate(String name, CustomObjectArgs args, @Nullable CustomResourceOptions options) {
            super(TYPE, name, args, withVersion(options));
        }
    }
}
