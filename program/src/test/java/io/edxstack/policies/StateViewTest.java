package io.edxstack.policies;

import io.edxstack.policies.kube.StateView;
import io.edxstack.state.ResourceState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateViewTest {

    private static ResourceState object(String logicalName, String type, String namespace, String name) {
        Map<String, Object> metadata = namespace == null ? Map.of("name", name) : Map.of("name", name, "namespace", namespace);
        return new ResourceState("urn:pulumi:s::p::" + type + "::" + logicalName, type, logicalName, null, null, false,
                Map.of("metadata", metadata));
    }

    @Test
    void find_matchesKindNamespaceAndName_andTheFirstOfDuplicates() {
        var lmsInDemo = object("demo-lms", "kubernetes:core/v1:Service", "demo", "lms");
        var lmsInOther = object("other-lms", "kubernetes:core/v1:Service", "other", "lms");
        var configMapNamedLms = object("demo-lms-cm", "kubernetes:core/v1:ConfigMap", "demo", "lms");
        var duplicate = object("demo-lms-again", "kubernetes:core/v1:Service", "demo", "lms");
        var namespace = object("demo-ns", "kubernetes:core/v1:Namespace", null, "demo");
        var state = new StateView(List.of(lmsInDemo, lmsInOther, configMapNamedLms, duplicate, namespace));

        assertEquals(lmsInDemo, state.find("Service", "demo", "lms").orElseThrow());
        assertEquals(lmsInOther, state.find("Service", "other", "lms").orElseThrow());
        assertEquals(configMapNamedLms, state.find("ConfigMap", "demo", "lms").orElseThrow());
        // A Namespace is its own namespace, as the rules name it.
        assertEquals(namespace, state.find("Namespace", "demo", "demo").orElseThrow());
        assertTrue(state.find("Service", "demo", "cms").isEmpty());
        assertTrue(state.find("Secret", "demo", "lms").isEmpty());
    }

    @Test
    void find_withoutNamespace_meansDefault_andNonKubernetesResourcesAreNotObjects() {
        var inDefault = object("plain", "kubernetes:core/v1:Service", null, "plain");
        var bucket = new ResourceState("urn:pulumi:s::p::openstack:objectstorage/container:Container::b",
                "openstack:objectstorage/container:Container", "b", null, null, false, Map.of("name", "b"));
        var state = new StateView(List.of(inDefault, bucket));

        assertEquals(inDefault, state.find("Service", "default", "plain").orElseThrow());
        assertTrue(state.find("Container", "default", "b").isEmpty());
        assertEquals(List.of(inDefault, bucket), state.resources());
    }
}
