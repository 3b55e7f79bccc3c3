package io.edxstack.platform;

import io.edxstack.config.ConfigException;
import io.edxstack.render.DesiredState;
import io.edxstack.render.RenderedResource;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.edxstack.platform.Rendered.*;
import static org.junit.jupiter.api.Assertions.*;

/** frontDoor.mode ingress: an Ingress per platform, web pods exposed, cert-manager possibly pre-installed. */
class IngressFrontDoorTest {

    @Test
    void render_ingressMode_routesHostsThroughTheControllerWithTheCertificateSecret(@TempDir Path dir) {
        DesiredState state = TestProject.copyOfRepository(dir)
                .setConfig("prod-primary", "edxstack:frontDoor.mode", "ingress")
                .setConfig("prod-primary", "edxstack:frontDoor.ingressClass", "traefik")
                .setConfig("prod-primary", "edxstack:certManager.install", "false")
                .render("prod-primary");
        RenderedResource ingress = state.get(INGRESS, "demo-openedx");
        assertEquals("traefik", at(ingress, "spec.ingressClassName"));
        assertEquals("openedx-tls", at(ingress, "spec.tls[0].secretName"));
        assertEquals(List.of("learn.demo.example.org", "studio.demo.example.org", "apps.learn.demo.example.org",
                "meilisearch.learn.demo.example.org"), at(ingress, "spec.tls[0].hosts"));
        assertEquals("mfe", at(ingress, "spec.rules[2].http.paths[0].backend.service.name"));
        assertEquals(8002L, at(ingress, "spec.rules[2].http.paths[0].backend.service.port.number"));
        assertEquals("meilisearch.learn.demo.example.org", at(ingress, "spec.rules[3].host"));
        assertEquals("meilisearch", at(ingress, "spec.rules[3].http.paths[0].backend.service.name"));
        assertEquals(7700L, at(ingress, "spec.rules[3].http.paths[0].backend.service.port.number"));
        // The controller reaches Meilisearch's pod (allow-ingress-controller selects exposed pods), not MySQL's.
        assertEquals("true", map(state.get(STATEFUL_SET, "demo-meilisearch").state().inputs(),
                "spec.template.metadata.labels").get(PlatformLabels.EXPOSED));
        assertNull(map(state.get(STATEFUL_SET, "demo-mysql").state().inputs(), "spec.template.metadata.labels")
                .get(PlatformLabels.EXPOSED));
        for (String web : List.of("demo-lms", "demo-cms", "demo-mfe")) {
            assertEquals("true", map(state.get(DEPLOYMENT, web).state().inputs(), "spec.template.metadata.labels")
                    .get(PlatformLabels.EXPOSED), web);
        }
        assertNull(map(state.get(DEPLOYMENT, "demo-lms-worker").state().inputs(), "spec.template.metadata.labels")
                .get(PlatformLabels.EXPOSED));
        assertTrue(named(state, DEPLOYMENT, "demo-caddy").isEmpty());
        assertTrue(named(state, SERVICE, "demo-caddy").isEmpty());
        assertTrue(state.ofType(RELEASE).isEmpty(), "the cluster already runs cert-manager");
        assertEquals("traefik", at(state.ofType(CLUSTER_ISSUER).get(0),
                "spec.acme.solvers[0].http01.ingress.ingressClassName"));
        state.get(NETWORK_POLICY, "demo-allow-acme-solver");
        state.get(CERTIFICATE, "demo-certificate");
    }

    @Test
    void validate_unknownFrontDoorMode_namesTheKey(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir).setConfig("prod-primary", "edxstack:frontDoor.mode", "haproxy");
        ConfigException error = assertThrows(ConfigException.class, () -> project.render("prod-primary"));
        assertTrue(error.problems().stream().anyMatch(p -> p.where().equals("Pulumi.prod-primary.yaml")
                && p.key().equals("edxstack:frontDoor.mode") && p.message().contains("caddy, ingress")), error.getMessage());
    }
}
