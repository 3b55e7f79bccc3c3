package io.edxstack.platform;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of an object of a CustomResourceDefinition, as the Kubernetes provider takes them: apiVersion,
 * kind, metadata and a free-form spec. (pulumi-kubernetes 4.0.0's Java SDK has no
 * {@code apiextensions.CustomResource}; this is its shape.)
 */
public final class CustomObjectArgs extends ResourceArgs {
    @Import(name = "apiVersion", required = true)
    private Output<String> apiVersion;

    @Import(name = "kind", required = true)
    private Output<String> kind;

    @Import(name = "metadata")
    private @Nullable Output<ObjectMetaArgs> metadata;

    @Import(name = "spec")
    private @Nullable Output<Map<String, Object>> spec;

    private CustomObjectArgs() {
    }

    public static CustomObjectArgs of(String apiVersion, String kind, ObjectMetaArgs metadata, Map<String, Object> spec) {
        CustomObjectArgs args = new CustomObjectArgs();
        args.apiVersion = Output.of(apiVersion);
        args.kind = Output.of(kind);
        args.metadata = Output.of(metadata);
        args.spec = Output.of(spec);
        return args;
    }

    public Output<String> apiVersion() {
        return apiVersion;
    }

    public Output<String> kind() {
        return kind;
    }

    public Optional<Output<ObjectMetaArgs>> metadata() {
        return Optional.ofNullable(metadata);
    }

    public Optional<Output<Map<String, Object>>> spec() {
        return Optional.ofNullable(spec);
    }
}
