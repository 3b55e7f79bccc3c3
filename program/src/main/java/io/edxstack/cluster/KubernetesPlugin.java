package io.edxstack.cluster;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The pulumi-kubernetes plugin every Kubernetes resource runs on: the version of {@code engine/versions.properties}
 * (copied into the build), which the end-to-end tests build and run and the Zuul jobs install. The Java SDK
 * (com.pulumi:kubernetes 4.0.0) stamps its own schema version on every resource; the engine loads the plugin a
 * provider resource names, so the provider carries this version explicitly and {@link #PIN} stamps it on the
 * resources too, so that the state and the render say what actually runs.
 */
public final class KubernetesPlugin {
    /** Key of the provider's version in {@code engine/versions.properties}. */
    public static final String VERSIONS_KEY = "pulumi-resource-kubernetes";
    private static final String RESOURCE = "/io/edxstack/engine/versions.properties";
    public static final String VERSION = load();

    /** Stamps {@link #VERSION} on every Kubernetes resource below the component that carries it. */
    public static final ResourceTransformation PIN = args -> {
        if (!args.resource().pulumiResourceType().startsWith("kubernetes:")
                || !(args.options() instanceof CustomResourceOptions options)) {
            return Optional.empty();
        }
        return Optional.of(new ResourceTransformation.Result(args.args(),
                CustomResourceOptions.merge(options, CustomResourceOptions.builder().version(VERSION).build())));
    };

    private KubernetesPlugin() {
    }

    /** Options of a cluster's explicit Kubernetes provider, a child of {@code cluster}. */
    static CustomResourceOptions providerOptions(Resource cluster) {
        return CustomResourceOptions.builder().parent(cluster).version(VERSION).build();
    }

    private static String load() {
        try (InputStream in = KubernetesPlugin.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build, perhaps rebuild with Maven (it "
                        + "copies engine/versions.properties there)");
            }
            Properties versions = new Properties();
            versions.load(in);
            String version = versions.getProperty(VERSIONS_KEY, "").strip();
            if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
                throw new IllegalStateException("engine/versions.properties: " + VERSIONS_KEY + " is '" + version
                        + "', expected a release such as 4.25.0");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
