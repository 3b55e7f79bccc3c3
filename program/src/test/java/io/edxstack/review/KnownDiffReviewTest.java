package io.edxstack.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.review.change.StackChanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy job's review of its preview on the merged change, given the desired diff the check job reported on the
 * same change: only what the desired diff could not know is reported again.
 */
class KnownDiffReviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLATFORM = "urn:pulumi:prod-primary::edxstack::edxstack:platform:Platform$";
    private static final String LMS = PLATFORM + "kubernetes:apps/v1:Deployment::demo-lms";
    private static final String CONFIG = PLATFORM + "kubernetes:core/v1:ConfigMap::demo-openedx-config";
    private static final String CLUSTER =
            "urn:pulumi:prod-primary::edxstack::edxstack:cluster:MagnumCluster$openstack:containerinfra/cluster:Cluster::prod-primary-cluster";

    @TempDir
    Path dir;

    @Test
    void review_previewOfAReviewedChange_reportsOnlyWhatTheDesiredDiffDidNotSay() throws IOException {
        // The desired diff saw the scale-up, the image and the settings file; not the Secret nor the added env entry.
        Path known = desiredDiff(List.of(
                change(LMS, "kubernetes:apps/v1:Deployment", "update", "spec.replicas", "spec.template.spec.containers[0].image"),
                change(CONFIG, "kubernetes:core/v1:ConfigMap", "update", "data")));

        Review review = ReviewMaker.run(request(Fixtures.preview("prod-primary-lms-update"), known));

        StackChanges reported = review.stacks().get(0);
        assertEquals(StackChanges.Source.PREVIEW_BEYOND_DESIRED_DIFF, reported.source());
        assertEquals(List.of("demo-openedx-secrets", "demo-lms"), reported.changes().stream().map(c -> c.name()).toList());
        assertEquals(List.of("spec.template.spec.containers[0].env[3]"),
                reported.changes().get(1).properties().stream().map(p -> p.path()).toList());
        JsonNode zuul = zuulReturn();
        List<String> warnings = texts(zuul.path("warnings"));
        assertTrue(warnings.contains("edxstack prod-primary (pulumi preview, beyond the desired diff): 0 to create, "
                + "2 to update, 0 to replace, 0 to delete, 52 unchanged"), warnings::toString);
        // The literal password the engine sees in the added env entry still blocks the deploy.
        assertEquals(1, review.mandatoryCount());
        String comments = zuul.path("file_comments").toString();
        assertTrue(comments.contains("env[3]"), comments);
        assertFalse(comments.contains("spec.replicas") || comments.contains("containers[0].image"), comments);
    }

    @Test
    void review_replacementTheEngineDecides_isReportedThoughTheDesiredDiffSawAnUpdate() throws IOException {
        // The desired diff saw the media volume grow in place; the provider replaces it.
        String media = PLATFORM + "kubernetes:core/v1:PersistentVolumeClaim::demo-media";
        Map<String, Object> grow = Map.of("urn", media, "type", "kubernetes:core/v1:PersistentVolumeClaim", "name", "demo-media",
                "op", "update", "stateful", true, "properties", List.of(Map.of("path", "spec.resources.requests.storage",
                        "kind", "update", "old", "50Gi", "new", "60Gi")));

        Review review = ReviewMaker.run(request(Fixtures.preview("prod-primary-storage-replace"), desiredDiff(List.of(grow))));

        assertEquals(List.of("demo-media replace", "demo-mysql replace"), review.stacks().get(0).changes().stream()
                .map(c -> c.name() + " " + c.op().label()).toList());
        assertTrue(review.violations().stream().anyMatch(v -> v.violation().urn().equals(media) && v.violation().isMandatory()));
    }

    @Test
    void review_replacementTheDesiredDiffPredicted_isNotRepeatedButStillBlocks() throws IOException {
        // A flavor change: the desired diff predicts Magnum's replacement, the guard blocked the change before merge.
        Path known = desiredDiff(List.of(change(CLUSTER, "openstack:containerinfra/cluster:Cluster", "update", "flavor")));

        Review review = ReviewMaker.run(request(Fixtures.preview("prod-primary-cluster-flavor-replace"), known));

        assertEquals(List.of(), review.stacks().get(0).changes());
        assertTrue(review.violations().stream().anyMatch(v -> v.violation().urn().equals(CLUSTER) && v.violation().isMandatory()));
    }

    @Test
    void review_everythingForeseen_reportsNoChangeAndNoAdvisoryAgain() throws IOException {
        Review full = ReviewMaker.run(request(Fixtures.preview("prod-primary-lms-update"), null));
        Path known = desiredDiff(List.of(
                change(LMS, "kubernetes:apps/v1:Deployment", "update", "spec"),
                change(CONFIG, "kubernetes:core/v1:ConfigMap", "update", "data"),
                change(PLATFORM + "kubernetes:core/v1:Secret::demo-openedx-secrets", "kubernetes:core/v1:Secret", "update",
                        "stringData")));

        Review narrowed = ReviewMaker.run(request(Fixtures.preview("prod-primary-lms-update"), known));

        assertEquals(List.of(), narrowed.stacks().get(0).changes());
        // Mandatory findings stop the deploy, so they always say why; advisories were reported before merge.
        assertEquals(full.mandatoryCount(), narrowed.mandatoryCount());
        assertTrue(narrowed.violations().stream().allMatch(v -> v.violation().isMandatory()), narrowed.violations()::toString);
    }

    @Test
    void review_knownDiffOfAnotherStackOrTwice_isRefusedNamingTheFile() throws IOException {
        Path primary = desiredDiff(List.of(change(CONFIG, "kubernetes:core/v1:ConfigMap", "update", "data")));
        Path twice = dir.resolve("again.json");
        Files.copy(primary, twice);

        ReviewInputException error = assertThrows(ReviewInputException.class, () -> ReviewMaker.run(new ReviewRequest(
                Map.of("prod-primary", Fixtures.preview("prod-primary-lms-update")), List.of(), List.of(), null, null, null,
                null, dir.resolve("out"), List.of(primary, twice))));
        assertTrue(error.getMessage().contains("again.json") && error.getMessage().contains("second desired diff of prod-primary"),
                error.getMessage());
    }

    @Test
    void review_knownDiffOfAStackWithoutPreview_isRefusedNamingTheFile() throws IOException {
        Path primary = desiredDiff(List.of(change(CONFIG, "kubernetes:core/v1:ConfigMap", "update", "data")));

        ReviewInputException error = assertThrows(ReviewInputException.class, () -> ReviewMaker.run(new ReviewRequest(
                Map.of("prod-dr", Fixtures.preview("prod-dr-no-changes")), List.of(), List.of(), null, null, null,
                null, dir.resolve("out"), List.of(primary))));
        assertTrue(error.getMessage().contains(primary.getFileName().toString())
                && error.getMessage().contains("perhaps --preview prod-primary=FILE"), error.getMessage());
    }

    private ReviewRequest request(Path preview, Path known) {
        return new ReviewRequest(Map.of("prod-primary", preview), List.of(), List.of(), null, Fixtures.repository(), null,
                null, dir.resolve("out"), known == null ? List.of() : List.of(known));
    }

    private JsonNode zuulReturn() throws IOException {
        return JSON.readTree(dir.resolve("out/zuul_return.json").toFile()).path("zuul");
    }

    /** An {@code edxstack diff --format json} document of prod-primary. */
    private Path desiredDiff(List<Map<String, Object>> changes) throws IOException {
        Path file = dir.resolve("diff-prod-primary-" + changes.size() + ".json");
        JSON.writeValue(file.toFile(), Map.of("stack", "prod-primary", "changes", changes, "summary", Map.of("same", 50)));
        return file;
    }

    private static Map<String, Object> change(String urn, String type, String op, String... paths) {
        List<Map<String, Object>> properties = new ArrayList<>();
        for (String path : paths) {
            properties.add(Map.of("path", path, "kind", "update", "old", "a", "new", "b"));
        }
        return Map.of("urn", urn, "type", type, "name", urn.substring(urn.lastIndexOf("::") + 2), "op", op,
                "stateful", false, "properties", properties);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
