package io.edxstack.tutor;

import io.edxstack.cli.EdxstackCli;
import io.edxstack.config.StackInputs;
import io.edxstack.render.DesiredState;
import io.edxstack.render.DesiredStateJson;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** import-tutor on a realistic Tutor v21 config.yml: a valid platform, every key accounted for, no secret shown. */
class ImportTutorTest {
    private static final Path CONFIG = Path.of("program/src/test/resources/tutor/config.yml");
    private static final Path MERGE = Path.of("program/src/test/resources/tutor/settings_merge.json");
    private static final Pattern SECRET_LINE = Pattern.compile("(?m)^([A-Z0-9_]+): (\\S*TestValue\\S*|AKIA\\S+)$");

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // Same handlers as the jar's entry point.
        CommandLine cli = EdxstackCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    /** Every secret value of the test config (the lines marked TestValue, access key IDs, the RSA key). */
    private static List<String> secretValues() throws Exception {
        String text = Files.readString(CONFIG);
        List<String> values = new java.util.ArrayList<>();
        Matcher matcher = SECRET_LINE.matcher(text);
        while (matcher.find()) {
            values.add(matcher.group(2));
        }
        values.add("MIIEpAIBAAKCAQEAtestvalueTESTVALUEtestvalueTESTVALUEnotarealkey0001");
        values.add("Xq8vTz1LmN4pR7sW2yB5cE9h");
        values.add("Zk3PqW9xR2mT5vY8");
        assertTrue(values.size() >= 10, values.toString());
        return values;
    }

    @Test
    void importTutor_realisticConfig_writesAValidPlatformAndShowsNoSecret(@TempDir Path dir) throws Exception {
        var project = TestProject.copyOfRepository(dir);
        Run run = run("import-tutor", "--config", CONFIG.toString(), "--settings-merge", MERGE.toString(),
                "--platform", "academy", "--project-dir", dir.toString(), "--stacks", "prod-primary,prod-dr");
        assertEquals(0, run.exitCode(), run.err());

        String yaml = project.read("stacks/platforms/academy.yaml");
        String settings = project.read("stacks/platforms/academy.settings.json");
        for (String secret : secretValues()) {
            assertFalse(run.out().contains(secret), "secret printed: " + secret.substring(0, 4) + "...");
            assertFalse(run.err().contains(secret), "secret printed on stderr");
            assertFalse(yaml.contains(secret), "secret written to the platform file");
            assertFalse(settings.contains(secret), "secret written to settings.json");
        }
        // Valid for the catalogue and for both stacks, and it renders.
        StackInputs.load(dir, "prod-primary", project.rawConfig("prod-primary"));
        DesiredState state = project.render("prod-dr");
        String render = DesiredStateJson.write(state);
        assertTrue(render.contains("\"academy\""));
        var lms = state.get("kubernetes:apps/v1:Deployment", "academy-lms");
        assertTrue(lms.state().inputs().toString().contains("localhost:5000/academy/openedx:21.0.1-academy.3"));

        assertTrue(yaml.contains("lms: academy.example.com"));
        assertTrue(yaml.contains("mfe: apps.academy.example.com"));
        assertTrue(yaml.contains("meilisearch: meilisearch.academy.example.com"), "Tutor's default public Meilisearch");
        assertTrue(yaml.contains("platformName: Academy Online"));
        assertTrue(yaml.contains("languageCode: de"));
        assertTrue(yaml.contains("host: academy-db.cluster-c9x2.eu-central-1.rds.amazonaws.com"));
        assertTrue(yaml.contains("existingSecret: academy-mysql"));
        assertTrue(yaml.contains("existingSecret: academy-smtp"));
        assertTrue(yaml.contains("existingSecret: academy-jwt"));
        assertTrue(settings.contains("\"MAX_ASSET_UPLOAD_FILE_SIZE_IN_MB\" : 200"), settings);

        String out = run.out();
        assertTrue(out.contains("LMS_HOST -> hosts.lms"), out);
        assertTrue(out.contains("RUN_MYSQL -> services.mysql.mode: external"), out);
        assertTrue(out.contains("INDIGO_PRIMARY_COLOR: unknown to edxstack"), out);
        assertTrue(out.contains("INDIGO_FOOTER_NAV_LINKS: unknown to edxstack"), out);
        // forum and indigo are not pinned in tutor/requirements.lock: reported with what to do, not enabled.
        assertTrue(out.contains("PLUGINS: forum: not in the pinned Tutor (tutor/requirements.lock)"), out);
        assertTrue(out.contains("PLUGINS: indigo: not in the pinned Tutor"), out);
        assertTrue(out.contains("PLUGINS: mfe -> built in"), out);
        assertFalse(yaml.contains("plugins:"), yaml);
        assertTrue(out.contains("ENABLE_WEB_PROXY: stack-level"), out);
        assertTrue(out.contains("OPENEDX_SECRET_KEY: derived"), out);
        assertTrue(out.contains("MYSQL_ROOT_PASSWORD: not needed"), out);
        assertTrue(out.contains("kubectl --namespace academy create secret generic academy-mysql"), out);
        assertTrue(out.contains("--from-file=password=<(python3 -c"), out);
        assertTrue(out.contains("OPENEDX_MYSQL_PASSWORD)"), out);
        assertTrue(out.contains("| pulumi config set --stack prod-dr --secret edxstack:media.secretAccessKey"), out);
        assertTrue(out.contains("--secret edxstack:secrets.masterKey"), out);
    }

    @Test
    void importTutor_meilisearchPublicUrl_becomesItsHost(@TempDir Path dir) throws Exception {
        var project = TestProject.copyOfRepository(dir);
        Path config = dir.resolve("public-search.yml");
        Files.writeString(config, Files.readString(CONFIG) + "MEILISEARCH_PUBLIC_URL: https://search.academy.example.com\n");
        Run run = run("import-tutor", "--config", config.toString(), "--platform", "academy", "--project-dir", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(project.read("stacks/platforms/academy.yaml").contains("meilisearch: search.academy.example.com"));
        assertTrue(run.out().contains("MEILISEARCH_PUBLIC_URL -> hosts.meilisearch"), run.out());
        StackInputs.load(dir, "prod-primary", project.rawConfig("prod-primary"));
    }

    @Test
    void importTutor_existingPlatform_isNotOverwritten(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        String before = project.read("stacks/platforms/demo.yaml");
        Run run = run("import-tutor", "--config", CONFIG.toString(), "--platform", "demo", "--project-dir", dir.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("exists already"), run.err());
        assertEquals(before, project.read("stacks/platforms/demo.yaml"));
    }

    @Test
    void importTutor_hostTakenByAnotherPlatform_failsAndLeavesNothing(@TempDir Path dir) throws Exception {
        var project = TestProject.copyOfRepository(dir);
        Path config = dir.resolve("taken.yml");
        Files.writeString(config, Files.readString(CONFIG).replace("LMS_HOST: academy.example.com",
                "LMS_HOST: learn.demo.example.org"));
        Run run = run("import-tutor", "--config", config.toString(), "--platform", "academy", "--project-dir", dir.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("hosts.lms"), run.err());
        assertFalse(Files.exists(project.file("stacks/platforms/academy.yaml")));
        for (String secret : secretValues()) {
            assertFalse(run.err().contains(secret));
        }
    }

    @Test
    void importTutor_settingsMergeWithASecret_isRejected(@TempDir Path dir) throws Exception {
        TestProject.copyOfRepository(dir);
        Path merge = dir.resolve("merge.json");
        Files.writeString(merge, "{\"lms\": {\"EMAIL_HOST_PASSWORD\": \"SmtpTestValue5Rf9Tg3Yh7Uj1\"}}");
        Run run = run("import-tutor", "--config", CONFIG.toString(), "--settings-merge", merge.toString(),
                "--platform", "academy", "--project-dir", dir.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("lms.EMAIL_HOST_PASSWORD"), run.err());
        assertFalse(run.err().contains("SmtpTestValue"), run.err());
        assertFalse(Files.exists(dir.resolve("stacks/platforms/academy.settings.json")));
    }

    @Test
    void importTutor_unknownStack_isAConfigError(@TempDir Path dir) {
        TestProject.copyOfRepository(dir);
        Run run = run("import-tutor", "--config", CONFIG.toString(), "--platform", "academy",
                "--project-dir", dir.toString(), "--stacks", "prod-primry");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("perhaps 'prod-primary'"), run.err());
    }
}
