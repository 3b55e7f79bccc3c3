package io.edxstack.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.cli.EdxstackCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review and policy commands as Zuul runs them: exit codes, and the outputs written before failing. */
class ReviewCommandsTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @TempDir
    Path out;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void review_mandatoryViolation_writesOutputsThenExitsThree() {
        int exit = EdxstackCli.run("review", "--preview",
                "prod-primary=" + Fixtures.preview("prod-primary-storage-replace"),
                "--catalogue-root", Fixtures.repository().toString(), "--out", out.toString());

        assertEquals(3, exit, stderr::toString);
        assertTrue(Files.isRegularFile(out.resolve("zuul_return.json")));
        assertTrue(Files.isRegularFile(out.resolve("review.html")));
    }

    @Test
    void review_allowReplaceFootersForBoth_exitsZero() throws IOException {
        Path message = out.resolve("commit-message");
        Files.writeString(message, "Move demo storage\n\nAllow-Replace: demo-media\nAllow-Replace: demo-mysql\n");

        int exit = EdxstackCli.run("review", "--preview",
                "prod-primary=" + Fixtures.preview("prod-primary-storage-replace"), "--render",
                Fixtures.render("prod-primary").toString(), "--commit-message", message.toString(),
                "--policy-set", "policies/policy-set.yaml", "--out", out.toString());

        // The preview's desired state names StorageClass cephfs-ssd, which the stack lacks: still mandatory.
        assertEquals(3, exit, stdout::toString);
        assertTrue(stdout.toString().contains("mandatory  storage-class-exists"), stdout::toString);
        assertTrue(stdout.toString().contains("advisory  data-loss-guard  prod-primary  demo-media"), stdout::toString);
    }

    @Test
    void review_unreadablePreview_isOneLineErrorNamingTheFile() {
        int exit = EdxstackCli.run("review", "--preview", "prod-primary=" + out.resolve("missing.json"),
                "--out", out.toString());

        assertEquals(1, exit);
        assertTrue(stderr.toString().startsWith("error: " + out.resolve("missing.json") + ": no such file"),
                stderr::toString);
    }

    @Test
    void policyCheck_bothCompliantRenders_exitsZero() {
        int exit = EdxstackCli.run("policy", "check", "--render", Fixtures.render("prod-primary").toString(),
                "--render", Fixtures.render("prod-dr").toString(), "--policy-set", "policies/policy-set.yaml");

        assertEquals(0, exit, stdout::toString);
        assertTrue(stdout.toString().contains("no policy violations"), stdout::toString);
    }

    @Test
    void policyCheck_drRenderAlone_isCheckedWithoutCrossStackRule() {
        int exit = EdxstackCli.run("policy", "check", "--render", Fixtures.render("prod-dr").toString());

        assertEquals(0, exit, stdout::toString);
    }

    @Test
    void policyCheck_badPolicySetKey_exitsOneNamingTheKey() throws IOException {
        Path policySet = out.resolve("policy-set.yaml");
        Files.writeString(policySet, "version: 1\nrules:\n  image-pinned:\n    severity: high\n");

        int exit = EdxstackCli.run("policy", "check", "--render", Fixtures.render("prod-dr").toString(),
                "--policy-set", policySet.toString());

        assertEquals(1, exit);
        assertTrue(stderr.toString().contains("rules.image-pinned.severity: unknown key"), stderr::toString);
    }
}
