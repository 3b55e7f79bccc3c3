package io.edxstack.zuul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy jobs' decision (role edxstack-deploy-decision), run by ansible-playbook on a real git
 * history: DR deploys first only for a change that promotes it, and Region-Down counts only in the
 * trailer block. Needs ansible-playbook, which scripts/check-zuul installs in the test command.
 */
class DeployDecisionTest {

    private static final String STANDBY = "config:\n  edxstack:region: RegionTwo\n  edxstack:role: standby\n";
    private static final String ACTIVE = "config:\n  edxstack:region: RegionTwo\n  edxstack:role: active\n";
    private static final String STANDBY_RESIZED = STANDBY + "  edxstack:cluster.nodeCount: \"4\"\n";

    @TempDir
    Path dir;
    private Path repo;

    @BeforeEach
    void history() throws Exception {
        assumeTrue(onPath("ansible-playbook"), "run scripts/check-zuul first: it installs Ansible");
        repo = dir.resolve("edxstack");
        Files.createDirectories(repo);
        run(repo, "git", "init", "-q", "-b", "main");
        commit(STANDBY, "DR stack");
    }

    @Test
    void promotion_drPromoteJobDeploysAndNormalDrJobStaysIdle() throws Exception {
        String head = commit(ACTIVE, "failover: promote prod-dr\n\nRegion-Down: prod-primary\n");

        assertEquals("", decide("prod-dr", "promoting-dr", head));
        assertEquals("the DR promotion job deploys this change", decide("prod-dr", "not-promoting-dr", head));
        assertEquals("Region-Down footer", decide("prod-primary", "always", head));
    }

    @Test
    void otherDrStackFileChange_isNotDeployedFirst() throws Exception {
        String head = commit(STANDBY_RESIZED, "dr: four workers\n\nChange-Id: I1\n");

        assertEquals("not a DR promotion", decide("prod-dr", "promoting-dr", head));
        assertEquals("", decide("prod-dr", "not-promoting-dr", head));
    }

    @Test
    void regionDownInTheBodyOnly_skipsNothing() throws Exception {
        String head = commit(STANDBY_RESIZED, "dr: resize\n\nRegion-Down: prod-primary was the plan.\n\nChange-Id: I2\n");

        assertEquals("", decide("prod-primary", "always", head));
    }

    private String decide(String stack, String when, String commit) throws Exception {
        Path result = dir.resolve("skip-" + stack + "-" + when);
        Path playbook = dir.resolve("decide.yaml");
        Files.writeString(playbook, """
                - hosts: localhost
                  gather_facts: false
                  roles:
                    - edxstack-deploy-decision
                  post_tasks:
                    - ansible.builtin.copy:
                        content: "{{ edxstack_deploy_skip }}"
                        dest: "%s"
                        mode: "0644"
                """.formatted(result));
        String message = Base64.getEncoder().encodeToString(run(repo, "git", "log", "-1", "--format=%B", commit)
                .getBytes(StandardCharsets.UTF_8));
        Path vars = dir.resolve("vars.json");
        Files.writeString(vars, """
                {"zuul": {"message": "%s", "commit_id": "%s"}, "edxstack_stack": "%s", "edxstack_deploy_when": "%s",
                 "edxstack_review_dir": "%s", "edxstack_deploy_decision_project_dir": "%s",
                 "edxstack_deploy_decision_classpath": "%s"}
                """.formatted(message, commit, stack, when, dir.resolve("review"), repo,
                Path.of("program/target/classes").toAbsolutePath()));
        ProcessBuilder ansible = new ProcessBuilder("ansible-playbook", "-i", "localhost,", "-c", "local",
                "-e", "@" + vars, playbook.toString()).redirectErrorStream(true);
        ansible.environment().put("ANSIBLE_ROLES_PATH", Path.of("config-project/roles").toAbsolutePath().toString());
        ansible.environment().put("ANSIBLE_NOCOLOR", "1");
        Process process = ansible.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return Files.readString(result);
    }

    private String commit(String drStack, String message) throws Exception {
        Files.writeString(repo.resolve("Pulumi.prod-dr.yaml"), drStack);
        run(repo, "git", "add", "-A");
        run(repo, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", message);
        return run(repo, "git", "rev-parse", "HEAD").strip();
    }

    private static String run(Path cwd, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        return output;
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(entry -> Files.isExecutable(Path.of(entry, command)));
    }
}
