package io.edxstack.render;

import io.edxstack.config.RawConfig;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RenderDeterminismTest {
    @TempDir
    Path tempDir;

    @Test
    void render_twice_isByteIdenticalInBothFormats() {
        DesiredState first = Renderer.render(TestProject.REPOSITORY, "prod-primary");
        DesiredState second = Renderer.render(TestProject.REPOSITORY, "prod-primary");

        assertThat(DesiredStateJson.write(second)).isEqualTo(DesiredStateJson.write(first));
        assertThat(DesiredStateText.write(second)).isEqualTo(DesiredStateText.write(first));
    }

    @Test
    void render_json_readsBackToTheSameState() throws Exception {
        DesiredState state = TestProject.REPOSITORY_RENDER.dr();
        Path file = tempDir.resolve("dr.json");
        java.nio.file.Files.writeString(file, DesiredStateJson.write(state));

        DesiredState read = DesiredStateJson.read(file);

        assertThat(read.states()).isEqualTo(state.states());
        assertThat(DesiredStateJson.write(read)).isEqualTo(DesiredStateJson.write(state));
    }

    @Test
    void render_secretConfigValue_neverAppearsInEitherFormat() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        String secret = "token-that-must-never-be-printed-6c1f";
        RawConfig raw = project.existingCluster("prod-dr", "users: [{name: admin, user: {token: " + secret + "}}]");

        DesiredState state = Renderer.render(project.dir(), "prod-dr", raw);

        assertThat(DesiredStateJson.write(state)).doesNotContain(secret).contains("\"kubeconfig\" : \"[secret]\"");
        assertThat(DesiredStateText.write(state)).doesNotContain(secret);
    }

    @Test
    void render_stackFileWithAnEncryptedValue_rendersItAsAPlaceholderMarkedSecret() {
        TestProject project = TestProject.copyOfRepository(tempDir)
                .setConfig("prod-primary", "edxstack:openstack.cloud", "\n    secure: v1:AAABAGVuY3J5cHRlZA==");

        RawConfig raw = project.rawConfig("prod-primary");

        assertThat(raw.values()).containsEntry("edxstack:openstack.cloud", "[secret]");
        assertThat(raw.secretKeys()).contains("edxstack:openstack.cloud");
        assertThat(DesiredStateJson.write(Renderer.render(project.dir(), "prod-primary", raw)))
                .doesNotContain("AAABAGVuY3J5cHRlZA");
    }
}
