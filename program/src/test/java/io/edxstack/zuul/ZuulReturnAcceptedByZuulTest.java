package io.edxstack.zuul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.cli.EdxstackCli;
import io.edxstack.review.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zuul_return.json that {@code edxstack review} writes is accepted by Zuul 14.3.0's own check of
 * file comments (zuul.lib.filecomments, what the executor runs on a zuul_return). Needs the virtualenv
 * scripts/check-zuul makes, which the test command (scripts/test) runs first.
 */
class ZuulReturnAcceptedByZuulTest {

    private static final Path PYTHON = Path.of(System.getenv().getOrDefault("EDXSTACK_ZUUL_VENV",
            "target/zuul-loader-venv"), "bin", "python");

    @TempDir
    Path out;

    @Test
    void review_zuulReturn_fileCommentsPassZuulsSchema() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "run scripts/check-zuul first: it installs Zuul's loader");
        Path changed = out.resolve("changed-files");
        Files.writeString(changed, "stacks/platforms/demo.yaml\nPulumi.prod-primary.yaml\n");
        EdxstackCli.run("review", "--preview", "prod-primary=" + Fixtures.preview("prod-primary-storage-replace"),
                "--catalogue-root", Fixtures.repository().toString(), "--out", out.toString());
        Path zuulReturn = out.resolve("zuul_return.json");
        JsonNode comments = new ObjectMapper().readTree(zuulReturn.toFile()).path("zuul").path("file_comments");
        assertTrue(comments.size() > 0, comments::toString);

        assertEquals("", validate(zuulReturn, 0));

        // A comment in a shape Zuul refuses (a string line) fails the same check.
        Path broken = out.resolve("broken.json");
        Files.writeString(broken, Files.readString(zuulReturn).replaceFirst("\"line\" *: *(\\d+)", "\"line\":\"$1\""));
        assertTrue(validate(broken, 1).contains("file_comments"));
    }

    @Test
    void deployReview_narrowedByTheDesiredDiff_fileCommentsPassZuulsSchema() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "run scripts/check-zuul first: it installs Zuul's loader");
        // The desired diff reported the scale-up; the image, the added env entry and the settings go beyond it.
        Path known = out.resolve("known-diff.json");
        Files.writeString(known, """
                {"stack": "prod-primary", "summary": {"same": 50}, "changes": [{
                  "urn": "urn:pulumi:prod-primary::edxstack::edxstack:platform:Platform$kubernetes:apps/v1:Deployment::demo-lms",
                  "type": "kubernetes:apps/v1:Deployment", "name": "demo-lms", "op": "update", "stateful": false,
                  "properties": [{"path": "spec.replicas", "kind": "update", "old": 3, "new": 4}]}]}
                """);
        Path review = out.resolve("narrowed");
        EdxstackCli.run("review", "--preview", "prod-primary=" + Fixtures.preview("prod-primary-lms-update"),
                "--known-diff", known.toString(), "--catalogue-root", Fixtures.repository().toString(), "--out", review.toString());
        Path zuulReturn = review.resolve("zuul_return.json");
        JsonNode comments = new ObjectMapper().readTree(zuulReturn.toFile()).path("zuul").path("file_comments");
        assertTrue(comments.toString().contains("containers[0].image") && !comments.toString().contains("spec.replicas"),
                comments::toString);

        assertEquals("", validate(zuulReturn, 0));
    }

    private static String validate(Path zuulReturn, int expectedExit) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PYTHON.toString(), "scripts/zuul-loader/check_config.py", "--zuul-return",
                zuulReturn.toString()).redirectErrorStream(false).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        process.getInputStream().readAllBytes();
        assertEquals(expectedExit, process.waitFor(), stderr);
        return stderr;
    }
}
