package io.edxstack.platform;

import io.edxstack.render.DesiredState;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.edxstack.platform.Rendered.*;
import static org.junit.jupiter.api.Assertions.*;

/** Data services at external endpoints (the RDS-style setup): credentials from existing Secrets. */
class ExternalServicesTest {

    @Test
    void render_externalMongodb_usesExistingSecretAndRunsNoStatefulSet(@TempDir Path dir) {
        DesiredState state = TestProject.copyOfRepository(dir)
                .replace("stacks/platforms/demo.yaml", "mongodb: {storage: 30Gi}",
                        "mongodb: {mode: external, host: mongo.db.example.org, port: 27018, existingSecret: demo-mongo, tls: true}")
                .render("prod-primary");
        assertTrue(named(state, STATEFUL_SET, "demo-mongodb").isEmpty());
        assertTrue(named(state, SECRET, "demo-mongodb-credentials").isEmpty());
        assertTrue(named(state, SERVICE, "demo-mongodb").isEmpty());
        var lms = settingsFiller(state.get(DEPLOYMENT, "demo-lms"));
        assertEquals(Map.of("name", "demo-mongo", "key", "username"),
                at(env(lms, "EDXSTACK_MONGODB_USERNAME"), "valueFrom.secretKeyRef"));
        assertEquals(Map.of("name", "demo-mongo", "key", "password"),
                at(env(lms, "EDXSTACK_MONGODB_PASSWORD"), "valueFrom.secretKeyRef"));
        String settings = named(state, CONFIG_MAP, "demo-openedx-settings-").get(0).state().inputs().toString();
        assertTrue(settings.contains("mongo.db.example.org"), "settings point at the external host");
        assertTrue(settings.contains("27018"));
        Map<String, Object> annotations = map(state.get(NAMESPACE, "demo").state().inputs(), "metadata.annotations");
        assertEquals("mongodb", annotations.get(PlatformLabels.EXTERNAL_DATABASES));
        assertEquals("demo-mongo,media-s3-credentials", annotations.get(PlatformLabels.EXTERNAL_SECRETS));
        // The other services still run in the namespace.
        state.get(STATEFUL_SET, "demo-mysql");
    }

    @Test
    void render_externalMysql_skipsDatabaseInitAndReadsTheDbaSecret(@TempDir Path dir) {
        DesiredState state = TestProject.copyOfRepository(dir).render("prod-primary");
        assertTrue(named(state, STATEFUL_SET, "training-mysql").isEmpty());
        assertTrue(named(state, JOB, "training-mysql-init").isEmpty());
        assertFalse(named(state, JOB, "training-lms-init").isEmpty());
        var cms = settingsFiller(state.get(DEPLOYMENT, "training-cms"));
        assertEquals(Map.of("name", "training-mysql", "key", "password"),
                at(env(cms, "EDXSTACK_MYSQL_PASSWORD"), "valueFrom.secretKeyRef"));
        assertTrue(named(state, CONFIG_MAP, "training-openedx-settings-").get(0).state().inputs().toString()
                .contains("mysql.training.db.example.org"));
    }

    @Test
    void render_keptTutorJwtKey_replacesTheDerivedOne(@TempDir Path dir) {
        DesiredState state = TestProject.copyOfRepository(dir)
                .replace("stacks/platforms/demo.yaml", "admin:\n", "jwt: {existingSecret: demo-jwt}\nadmin:\n")
                .render("prod-primary");
        var lms = settingsFiller(state.get(DEPLOYMENT, "demo-lms"));
        assertEquals(Map.of("name", "demo-jwt", "key", "private.pem"),
                at(env(lms, "EDXSTACK_JWT_PRIVATE_KEY"), "valueFrom.secretKeyRef"));
        assertTrue(list(lms, "env").stream().noneMatch(e -> "EDXSTACK_JWT_SIGNING_SEED".equals(at(e, "name"))));
        assertTrue(String.valueOf(map(state.get(NAMESPACE, "demo").state().inputs(), "metadata.annotations")
                .get(PlatformLabels.EXTERNAL_SECRETS)).contains("demo-jwt"));
    }
}
