package io.edxstack.platform;

import io.edxstack.render.DesiredState;
import io.edxstack.render.RenderedResource;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A workload that reads a Secret the stack writes is created after it: a pod never starts without it. */
class SecretDependencyTest {
    private static final Set<String> WORKLOADS = Set.of("kubernetes:apps/v1:Deployment",
            "kubernetes:apps/v1:StatefulSet", "kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob");

    @Test
    void render_everyWorkloadReadingAWrittenSecret_dependsOnIt() {
        int checked = checkedReads(TestProject.REPOSITORY_RENDER.primary());
        assertThat(checked).as("workload reads of written Secrets checked").isGreaterThan(20);
    }

    @Test
    void render_restoreCronJobsOfTheStandby_dependOnTheSecretsTheyMount() {
        assertThat(checkedReads(TestProject.REPOSITORY_RENDER.dr())).as("reads checked on the standby").isPositive();
    }

    /** Asserts every read of a written Secret is upstream of its reader; returns how many reads were checked. */
    private static int checkedReads(DesiredState state) {
        Map<String, RenderedResource> byUrn = new HashMap<>();
        Map<String, String> secretUrns = new HashMap<>();
        for (RenderedResource resource : state.resources()) {
            byUrn.put(resource.state().urn(), resource);
            if (resource.state().type().equals("kubernetes:core/v1:Secret")) {
                secretUrns.put(resource.state().input("metadata.namespace") + "/" + resource.state().input("metadata.name"),
                        resource.state().urn());
            }
        }
        int checked = 0;
        for (RenderedResource workload : state.resources()) {
            if (!WORKLOADS.contains(workload.state().type())) {
                continue;
            }
            Object namespace = workload.state().input("metadata.namespace");
            Set<String> read = new HashSet<>();
            secretNames(workload.state().inputs(), read);
            Set<String> upstream = upstream(workload, byUrn);
            for (String secret : read) {
                String urn = secretUrns.get(namespace + "/" + secret);
                if (urn != null) {
                    assertThat(upstream).as(workload.state().name() + " reads Secret " + secret).contains(urn);
                    checked++;
                }
            }
        }
        return checked;
    }

    private static Set<String> upstream(RenderedResource resource, Map<String, RenderedResource> byUrn) {
        Set<String> seen = new HashSet<>();
        var queue = new ArrayDeque<>(resource.dependsOn());
        while (!queue.isEmpty()) {
            String urn = queue.poll();
            if (seen.add(urn) && byUrn.containsKey(urn)) {
                queue.addAll(byUrn.get(urn).dependsOn());
            }
        }
        return seen;
    }

    @SuppressWarnings("unchecked")
    private static void secretNames(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (("secretKeyRef".equals(key) || "secretRef".equals(key)) && value instanceof Map<?, ?> ref
                        && ref.get("name") != null) {
                    into.add(String.valueOf(ref.get("name")));
                } else if ("secret".equals(key) && value instanceof Map<?, ?> volume && volume.get("secretName") != null) {
                    into.add(String.valueOf(volume.get("secretName")));
                }
                secretNames(value, into);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> secretNames(item, into));
        }
    }
}
