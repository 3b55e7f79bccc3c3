package io.edxstack.policies.kube;

import io.edxstack.platform.PlatformLabels;
import io.edxstack.state.ResourceState;
import java.util.Map;

/** Kubernetes metadata of a resource as the Pulumi Kubernetes provider takes it in its inputs. */
public final class KubeObject {

    public static final String PLATFORM_LABEL = PlatformLabels.PLATFORM;
    public static final String COMPONENT_LABEL = "app.kubernetes.io/name";
    private static final String PREFIX = "kubernetes:";

    private KubeObject() {
    }

    public static boolean isKubernetes(ResourceState resource) {
        return resource.type().startsWith(PREFIX);
    }

    public static boolean isKind(ResourceState resource, String kind) {
        return resource.type().startsWith(PREFIX) && resource.type().endsWith(":" + kind);
    }

    /** The Kubernetes kind from the type token, e.g. {@code Deployment}. */
    public static String kind(ResourceState resource) {
        String type = resource.type();
        return type.substring(type.lastIndexOf(':') + 1);
    }

    /** {@code metadata.name}, or the logical name when the program lets the provider autoname. */
    public static String objectName(ResourceState resource) {
        Object name = resource.input("metadata.name");
        return name == null ? resource.name() : String.valueOf(name);
    }

    /** The namespace an object lives in; for a Namespace, its own name. Absent means {@code default}. */
    public static String namespace(ResourceState resource) {
        if (isKind(resource, "Namespace")) {
            return objectName(resource);
        }
        Object namespace = resource.input("metadata.namespace");
        return namespace == null ? "default" : String.valueOf(namespace);
    }

    public static Map<String, String> labels(ResourceState resource) {
        return Values.strings(resource.inputs(), "metadata.labels");
    }

    public static Map<String, String> annotations(ResourceState resource) {
        return Values.strings(resource.inputs(), "metadata.annotations");
    }

    /** The platform a resource belongs to (its {@value #PLATFORM_LABEL} label), or null. */
    public static String platform(ResourceState resource) {
        return labels(resource).get(PLATFORM_LABEL);
    }

    /** How messages name an object: {@code Deployment demo/lms}. */
    public static String describe(ResourceState resource) {
        if (!resource.type().startsWith(PREFIX)) {
            return resource.type() + " " + resource.name();
        }
        if (isKind(resource, "Namespace") || isKind(resource, "StorageClass")) {
            return kind(resource) + " " + objectName(resource);
        }
        return kind(resource) + " " + namespace(resource) + "/" + objectName(resource);
    }
}
