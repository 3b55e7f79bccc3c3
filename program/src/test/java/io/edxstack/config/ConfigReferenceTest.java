package io.edxstack.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** Pulumi.yaml's config section and the README's table are generated from {@link ConfigKeys}: never stale. */
class ConfigReferenceTest {

    @Test
    void pulumiYaml_configSection_isTheGeneratedOne() throws Exception {
        String project = Files.readString(TestProject.REPOSITORY.resolve("Pulumi.yaml"));
        assertThat(project).endsWith(ConfigReference.pulumiYamlConfig());
    }

    @Test
    void pulumiYaml_declaresEveryKeyWithTypeDescriptionAndAValidDefault() throws Exception {
        JsonNode config = new YAMLMapper().readTree(TestProject.REPOSITORY.resolve("Pulumi.yaml").toFile()).path("config");
        assertThat(config.size()).isEqualTo(ConfigKeys.ALL.size());
        for (ConfigKey key : ConfigKeys.ALL) {
            JsonNode declared = config.path(key.fullName());
            assertThat(declared.path("type").asText()).as(key.fullName()).isEqualTo(key.type().pulumiName());
            assertThat(declared.path("description").asText()).isEqualTo(key.description());
            assertThat(declared.has("default")).as(key.fullName()).isEqualTo(!key.required());
        }
        assertThat(config.path("edxstack:cluster.masterCount").path("default").asInt()).isEqualTo(3);
        assertThat(config.path("edxstack:role").path("default").asText()).isEqualTo("active");
    }

    @Test
    void readme_settingsTable_isTheGeneratedOne() throws Exception {
        String readme = Files.readString(TestProject.REPOSITORY.resolve("README.md"));
        assertThat(readme).contains(ConfigReference.BEGIN + "\n" + ConfigReference.markdownTable() + ConfigReference.END);
    }
}
