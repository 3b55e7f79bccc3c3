package io.edxstack.platform;

import io.edxstack.render.DesiredState;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.edxstack.platform.Rendered.CONFIG_MAP;
import static io.edxstack.platform.Rendered.named;
import static org.assertj.core.api.Assertions.assertThat;

/** A catalogue value that YAML 1.1 would read as a boolean reaches the platform as the operator wrote it. */
class CatalogueYamlWordsTest {

    @Test
    void render_norwegianLanguageCodeUnquoted_isTheLanguageNo(@TempDir Path dir) {
        DesiredState state = TestProject.copyOfRepository(dir)
                .replace("stacks/platforms/training.yaml", "languageCode: fr", "languageCode: no")
                .render("prod-primary");

        String settings = named(state, CONFIG_MAP, "training-openedx-settings-").get(0).state().inputs().toString();
        assertThat(settings).contains("LANGUAGE_CODE: \"no\"").doesNotContain("LANGUAGE_CODE: \"false\"");
    }
}
