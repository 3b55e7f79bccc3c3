package io.edxstack.tutorenv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.config.StackFiles;
import io.edxstack.config.StackInputs;
import io.edxstack.platform.TutorConfigs;
import io.edxstack.testing.TestProject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The background render as the program uses it: results by platform, failures named and never kept. */
class TutorRendererTest {
    private static TutorRequest demo() {
        StackInputs inputs = StackInputs.load(TestProject.REPOSITORY, "prod-primary",
                StackFiles.read(TestProject.REPOSITORY, "prod-primary"));
        return TutorConfigs.request(inputs.platforms().stream().filter(p -> p.name().equals("demo")).findFirst()
                .orElseThrow(), inputs.config());
    }

    @Test
    void render_platformTutorCannotRender_failsNamingIt_andIsAskedAgainNextTime() {
        TutorRequest good = demo();
        TutorRequest broken = new TutorRequest("broken", good.config(), List.of("no-such-plugin"), Map.of());
        TutorException first = assertThrows(TutorException.class, () -> TutorRenderer.render(List.of(good, broken)));
        assertTrue(first.getMessage().startsWith("Tutor cannot render platform broken: plugin 'no-such-plugin' is not "
                + "installed"), first.getMessage());
        // The platform beside it was rendered all the same, and is kept.
        TutorEnvironment demo = TutorRenderer.render(good);
        assertSame(demo, TutorRenderer.render(good));
        assertTrue(demo.file("apps/caddy/Caddyfile").contains("learn.demo.example.org"));
        // A failure is not kept: the same request goes to Tutor again.
        TutorException second = assertThrows(TutorException.class, () -> TutorRenderer.render(broken));
        assertEquals(first.getMessage(), second.getMessage());
    }

    @Test
    void prefetch_thenRender_givesTheEnvironmentOfEachPlatform() {
        TutorRequest good = demo();
        TutorRequest other = new TutorRequest("other", good.config().deepCopy().put("PLATFORM_NAME", "Other"),
                good.plugins(), good.patches());
        TutorRenderer.prefetch(List.of(good, other));
        Map<String, TutorEnvironment> rendered = TutorRenderer.render(List.of(other, good));
        assertEquals(List.of("other", "demo"), List.copyOf(rendered.keySet()));
        assertEquals("Other", rendered.get("other").configText("PLATFORM_NAME"));
        assertEquals(good.config().path("PLATFORM_NAME").asText(), rendered.get("demo").configText("PLATFORM_NAME"));
    }
}
