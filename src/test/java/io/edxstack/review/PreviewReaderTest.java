package io.edxstack.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.review.input.PreviewReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewReaderTest {

    @TempDir
    Path directory;

    @Test
    void read_clusterReplace_foldsThreeStepsIntoOneStatefulReplace() {
        PreviewReader.Preview preview = PreviewReader.read(Fixtures.preview("prod-primary-cluster-flavor-replace"),
                "prod-primary");

        List<ResourceChange> changes = preview.changes().changes();
        assertEquals(1, changes.size());
        ResourceChange cluster = changes.get(0);
        assertEquals(ChangeOp.REPLACE, cluster.op());
        assertTrue(cluster.stateful());
        assertEquals(List.of("flavor"), cluster.replaceReasons());
        PropertyChange flavor = cluster.properties().get(0);
        assertEquals("m1.xlarge", flavor.oldValue());
        assertEquals("m1.2xlarge", flavor.newValue());
        assertTrue(flavor.replaces());
    }

    @Test
    void read_platformRemoved_deletesAreAbsentFromDesiredState() {
        PreviewReader.Preview preview = PreviewReader.read(Fixtures.preview("prod-dr-platform-removed"), "prod-dr");

        assertEquals(21, preview.changes().counts().get(ChangeOp.DELETE));
        ResourceChange namespace = preview.changes().changes().stream()
                .filter(change -> change.name().equals("acme-namespace")).findFirst().orElseThrow();
        assertTrue(namespace.stateful(), "a data namespace judged on its oldState holds data");
        assertNull(namespace.newState());
        assertFalse(preview.desired().stream().anyMatch(state -> state.name().startsWith("acme")));
    }

    @Test
    void read_failedPreview_keepsErrorDiagnosticWithoutColourTags() {
        PreviewReader.Preview preview = PreviewReader.read(Fixtures.preview("prod-primary-diagnostics-error"),
                "prod-primary");

        assertTrue(preview.changes().diagnostics().get(0).isError());
        assertTrue(preview.changes().diagnostics().get(0).message().startsWith("configured Kubernetes cluster is"));
        assertFalse(preview.changes().diagnostics().get(0).message().contains("{%"));
    }

    @Test
    void read_previewOfOtherStack_errorSuggestsWrongArgument() {
        Path file = Fixtures.preview("prod-dr-no-changes");

        ReviewInputException error = assertThrows(ReviewInputException.class,
                () -> PreviewReader.read(file, "prod-primary"));

        assertTrue(error.getMessage().contains("belongs to stack 'prod-dr', not 'prod-primary'"), error.getMessage());
        assertEquals(file, error.file());
    }

    @Test
    void read_truncatedJson_errorNamesFile() throws IOException {
        Path file = directory.resolve("preview.json");
        Files.writeString(file, "{\"steps\": [{\"op\": \"same\", ");

        ReviewInputException error = assertThrows(ReviewInputException.class,
                () -> PreviewReader.read(file, "prod-primary"));

        assertTrue(error.getMessage().startsWith(file + ": is not valid JSON"), error.getMessage());
    }
}
