package io.edxstack.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edxstack.config.DefaultImages;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackFiles;
import io.edxstack.config.StackInputs;
import io.edxstack.testing.TestProject;
import io.edxstack.tutorenv.TutorEnvironment;
import io.edxstack.tutorenv.TutorRenderer;
import io.edxstack.tutorenv.TutorRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The images follow the pinned Tutor: edxstack's defaults are Tutor's DOCKER_IMAGE_* mirrored into Magnum's
 * registry, and the catalogue's Open edX and MFE images carry the tags of the pinned Tutor and tutor-mfe. An
 * upgrade of the pin that leaves an image behind fails here.
 */
class TutorImagesTest {
    private static final String MIRROR = DefaultImages.REGISTRY;

    /** Tutor's own defaults: the demo platform's config without edxstack's image choices. */
    private static TutorEnvironment tutorDefaults(PlatformSpec spec, StackInputs inputs) {
        TutorRequest request = TutorConfigs.request(spec, inputs.config());
        var config = request.config();
        config.remove(List.of("DOCKER_IMAGE_OPENEDX", "MFE_DOCKER_IMAGE", "DOCKER_IMAGE_CADDY",
                "DOCKER_IMAGE_MYSQL", "DOCKER_IMAGE_MONGODB", "DOCKER_IMAGE_REDIS", "DOCKER_IMAGE_MEILISEARCH",
                "DOCKER_IMAGE_SMTP"));
        return TutorRenderer.render(new TutorRequest(spec.name(), config, request.plugins(), Map.of()));
    }

    private static String mirrored(String image) {
        return MIRROR + image.substring(image.indexOf('/') + 1);
    }

    private static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }

    @Test
    void defaults_areThePinnedTutorsImagesMirrored() {
        StackInputs inputs = StackInputs.load(TestProject.REPOSITORY, "prod-primary",
                StackFiles.read(TestProject.REPOSITORY, "prod-primary"));
        PlatformSpec demo = inputs.platforms().stream().filter(p -> p.name().equals("demo")).findFirst().orElseThrow();
        TutorEnvironment tutor = tutorDefaults(demo, inputs);
        assertEquals(mirrored(tutor.configText("DOCKER_IMAGE_CADDY")), DefaultImages.CADDY);
        assertEquals(mirrored(tutor.configText("DOCKER_IMAGE_MYSQL")), DefaultImages.MYSQL);
        assertEquals(mirrored(tutor.configText("DOCKER_IMAGE_MONGODB")), DefaultImages.MONGODB);
        assertEquals(mirrored(tutor.configText("DOCKER_IMAGE_REDIS")), DefaultImages.REDIS);
        assertEquals(mirrored(tutor.configText("DOCKER_IMAGE_MEILISEARCH")), DefaultImages.MEILISEARCH);
        assertEquals(mirrored(tutor.configText("DOCKER_IMAGE_SMTP")), DefaultImages.SMTP);
        for (PlatformSpec spec : inputs.platforms()) {
            assertEquals(tag(tutor.configText("DOCKER_IMAGE_OPENEDX")), tag(spec.images().openedx()),
                    spec.file() + ": images.openedx follows the pinned Tutor");
            spec.images().mfe().ifPresent(mfe -> assertEquals(tag(tutor.configText("MFE_DOCKER_IMAGE")), tag(mfe),
                    spec.file() + ": images.mfe follows the pinned tutor-mfe"));
        }
    }
}
