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

    private static final String URN = "urn:pulumi:prod-primary::edxstack::kubernetes:core/v1:ConfigMap::demo-caddy-config";
    private static final String STATE = "{\"type\": \"kubernetes:core/v1:ConfigMap\", \"inputs\": {\"kind\": \"ConfigMap\","
            + " \"metadata\": {\"name\": \"caddy-config\", \"namespace\": \"demo\"}, \"data\": {\"a\": \"b\"}}}";

    private Path preview(String op, String summary) throws IOException {
        Path file = directory.resolve("preview.json");
        Files.writeString(file, "{\"steps\": [{\"op\": \"" + op + "\", \"urn\": \"" + URN + "\", \"oldState\": " + STATE
                + ", \"newState\": " + STATE + "}],\n \"changeSummary\": " + summary + "}\n");
        return file;
    }

    @Test
    void read_unknownStepOp_isListedAsUnknownWithAWarningNamingTheOp() throws IOException {
        PreviewReader.Preview preview = PreviewReader.read(preview("refresh-replace", "{\"same\": 3}"), "prod-primary");

        assertEquals(List.of(ChangeOp.UNKNOWN), preview.changes().changes().stream().map(ResourceChange::op).toList());
        assertEquals(1, preview.changes().counts().get(ChangeOp.UNKNOWN));
        assertTrue(preview.changes().diagnostics().stream().anyMatch(d -> d.message().contains("step op 'refresh-replace'")
                && URN.equals(d.urn())), preview.changes().diagnostics()::toString);
    }

    @Test
    void review_unknownStepOp_isMandatoryAndShownInTheReport() throws IOException {
        Path out = directory.resolve("out");
        Review review = ReviewMaker.run(new ReviewRequest(java.util.Map.of("prod-primary",
                preview("update-v2", "{\"same\": 3}")), List.of(), List.of(), null, Fixtures.repository(), null, null, out));

        assertEquals(1, review.mandatoryCount());
        assertEquals("unknown-step-op", review.violations().get(0).violation().ruleId());
        String markdown = Files.readString(out.resolve("review.md"));
        assertTrue(markdown.contains("unknown op"), markdown);
        assertFalse(markdown.contains("No changes"), markdown);
    }

    @Test
    void read_knownNoOpSteps_areNotChanges() throws IOException {
        PreviewReader.Preview preview = PreviewReader.read(preview("refresh", "{\"same\": 3}"), "prod-primary");

        assertTrue(preview.changes().changes().isEmpty());
    }

    @Test
    void read_summaryCountsMoreThanTheSteps_isRefused() throws IOException {
        Path file = preview("same", "{\"same\": 2, \"update\": 1}");

        ReviewInputException error = assertThrows(ReviewInputException.class, () -> PreviewReader.read(file, "prod-primary"));

        assertTrue(error.getMessage().contains("changeSummary reports 1 to update but the steps hold 0"), error.getMessage());
    }

    @Test
    void read_trailingDataAfterTheDocument_isRefusedWithItsPosition() throws IOException {
        Path file = preview("same", "{\"same\": 1}");
        Files.writeString(file, Files.readString(file) + "{\"steps\": []}\n");

        ReviewInputException error = assertThrows(ReviewInputException.class, () -> PreviewReader.read(file, "prod-primary"));

        assertTrue(error.getMessage().startsWith(file + ": has data after the end of its JSON document at line 3, "
                + "column 1"), error.getMessage());
    }

    @Test
    void read_latin1Input_isRefusedAtItsBytePosition() throws IOException {
        Path file = directory.resolve("preview.json");
        Files.write(file, "{\"steps\": [],\n \"diagnostics\": [{\"message\": \"d\u00e9j\u00e0\"}]}\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        ReviewInputException error = assertThrows(ReviewInputException.class, () -> PreviewReader.read(file, "prod-primary"));

        assertTrue(error.getMessage().startsWith(file + ": is not UTF-8: byte 0xE9 (byte offset 45) at line 2, column 32"),
                error.getMessage());
    }

    @Test
    void read_engineEventLog_isRefusedSayingWhatWasExpected() throws IOException {
        Path file = directory.resolve("events.json");
        Files.writeString(file, "{\"sequence\":0,\"timestamp\":1733612345,\"preludeEvent\":{\"config\":{}}}\n"
                + "{\"sequence\":1,\"timestamp\":1733612346,\"resourcePreEvent\":{\"metadata\":{\"op\":\"same\",\"urn\":\""
                + URN + "\"}}}\n");

        ReviewInputException error = assertThrows(ReviewInputException.class, () -> PreviewReader.read(file, "prod-primary"));

        assertTrue(error.getMessage().contains("is a JSON Lines engine event log ('pulumi preview --event-log')"),
                error.getMessage());
        assertTrue(error.getMessage().contains("perhaps 'pulumi preview --json > events.json'"), error.getMessage());
    }
}
