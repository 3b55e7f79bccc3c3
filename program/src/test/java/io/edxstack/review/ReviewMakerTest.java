package io.edxstack.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewMakerTest {

    @TempDir
    Path out;

    @Test
    void review_inPlaceLmsUpdate_commentsOnCatalogueLinesAndMasksPassword() throws IOException {
        Review review = ReviewMaker.run(request(Map.of(
                "prod-primary", Fixtures.preview("prod-primary-lms-update"),
                "prod-dr", Fixtures.preview("prod-dr-no-changes")), List.of()));

        // The mail password is a literal env value: the policies block it, the report still masks it.
        assertEquals(List.of("workload-no-secret-literals"), review.violations().stream()
                .map(found -> found.violation().ruleId()).toList());
        assertEquals(1, review.mandatoryCount());
        JsonNode zuul = new ObjectMapper().readTree(out.resolve("zuul_return.json").toFile()).path("zuul");
        List<String> warnings = texts(zuul.path("warnings"));
        assertTrue(warnings.containsAll(List.of(
                "edxstack prod-dr (pulumi preview): 0 to create, 0 to update, 0 to replace, 0 to delete, 54 unchanged",
                "edxstack prod-primary (pulumi preview): 0 to create, 3 to update, 0 to replace, 0 to delete, 51 unchanged")),
                warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("[workload-no-secret-literals]")
                && w.contains("EMAIL_HOST_PASSWORD")), warnings::toString);
        JsonNode demo = zuul.path("file_comments").path("stacks/platforms/demo.yaml");
        assertEquals(List.of(2, 8, 10), lines(demo), demo::toString);
        assertTrue(demo.get(2).path("message").asText().contains("spec.replicas 3 → 4"), demo::toString);
        assertTrue(demo.get(1).path("message").asText().contains("containers[0].image"), demo::toString);
        assertEquals("review.html", zuul.path("artifacts").get(0).path("url").asText());
        assertEquals("html_report", zuul.path("artifacts").get(0).path("metadata").path("type").asText());
        for (String file : List.of("review.md", "review.html", "zuul_return.json")) {
            String text = Files.readString(out.resolve(file));
            assertFalse(text.contains("Tr0ub4dor"), file + " leaks the mail password");
        }
        assertTrue(Files.readString(out.resolve("review.md")).contains("[secret]"));
    }

    @Test
    void review_clusterFlavorReplace_isBlockedAndCommentsOnTemplateFlavor() throws IOException {
        Review review = ReviewMaker.run(request(Map.of("prod-primary",
                Fixtures.preview("prod-primary-cluster-flavor-replace")), List.of()));

        assertEquals(1, review.mandatoryCount());
        JsonNode zuul = new ObjectMapper().readTree(out.resolve("zuul_return.json").toFile()).path("zuul");
        JsonNode template = zuul.path("file_comments").path("stacks/cluster-templates/k8s-1-30-fcos40.yaml");
        assertEquals(List.of(3), lines(template), zuul.path("file_comments")::toString);
        assertEquals("warning", template.get(0).path("level").asText());
        assertTrue(texts(zuul.path("warnings")).stream().anyMatch(warning ->
                warning.startsWith("edxstack mandatory violation [data-loss-guard] on prod-primary, resource "
                        + "prod-primary-cluster")), zuul.path("warnings")::toString);
        String markdown = Files.readString(out.resolve("review.md"));
        assertTrue(markdown.indexOf("**REPLACE**") > 0 && markdown.contains("holds data"), markdown);
    }

    @Test
    void review_desiredDiffWithRender_placesNodeCountOnStackFileAndFlagsTemplateUpdate() throws IOException {
        Review review = ReviewMaker.run(new ReviewRequest(Map.of(), List.of(Fixtures.render("diff-prod-primary")),
                List.of(Fixtures.render("prod-primary")), null, Fixtures.repository(), null, null, out));

        assertEquals(List.of("cluster-template-immutable", "data-loss-guard"), review.violations().stream()
                .map(found -> found.violation().ruleId()).sorted().toList());
        JsonNode comments = new ObjectMapper().readTree(out.resolve("zuul_return.json").toFile())
                .path("zuul").path("file_comments");
        assertEquals(List.of(12), lines(comments.path("Pulumi.prod-primary.yaml")), comments::toString);
        assertEquals(List.of(6), lines(comments.path("stacks/cluster-templates/k8s-1-30-fcos40.yaml")),
                comments::toString);
    }

    @Test
    void review_changedFilesList_keepsCommentsOnChangedFilesOnly() throws IOException {
        Path changed = out.resolve("changed-files.txt");
        Files.writeString(changed, "Pulumi.prod-primary.yaml\n");

        ReviewMaker.run(new ReviewRequest(Map.of(), List.of(Fixtures.render("diff-prod-primary")),
                List.of(Fixtures.render("prod-primary")), null, Fixtures.repository(), null, changed, out));

        JsonNode comments = new ObjectMapper().readTree(out.resolve("zuul_return.json").toFile())
                .path("zuul").path("file_comments");
        assertEquals(List.of("Pulumi.prod-primary.yaml"), fieldNames(comments));
    }

    @Test
    void review_previewOfUnknownStack_errorListsKnownStacks() {
        UnknownStackException error = assertThrows(UnknownStackException.class, () -> ReviewMaker.run(request(
                Map.of("prod-secondary", Fixtures.preview("prod-dr-no-changes")), List.of())));

        assertTrue(error.getMessage().contains("unknown stack 'prod-secondary' in --preview prod-secondary="),
                error.getMessage());
        assertTrue(error.getMessage().endsWith("perhaps one of [prod-dr, prod-primary]"), error.getMessage());
    }

    @Test
    void review_failedPreview_isMandatory() {
        Review review = ReviewMaker.run(request(Map.of("prod-primary",
                Fixtures.preview("prod-primary-diagnostics-error")), List.of()));

        assertEquals(List.of(ReviewMaker.PREVIEW_FAILED_RULE), review.violations().stream()
                .filter(found -> found.violation().isMandatory()).map(found -> found.violation().ruleId()).toList());
    }

    private ReviewRequest request(Map<String, Path> previews, List<Path> diffs) {
        return new ReviewRequest(previews, diffs, List.of(), null, Fixtures.repository(), null, null, out);
    }

    private static List<Integer> lines(JsonNode comments) {
        List<Integer> lines = new ArrayList<>();
        comments.forEach(comment -> lines.add(comment.path("line").asInt()));
        return lines;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
