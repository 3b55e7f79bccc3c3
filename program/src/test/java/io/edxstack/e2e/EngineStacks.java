package io.edxstack.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edxstack.testing.TestProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Sets a stack of the scratch project up as an operator brings their own cluster, through the real CLI. */
final class EngineStacks {
    private EngineStacks() {
    }

    static void init(PulumiCli pulumi, TestProject project, String stack, LocalCluster cluster, String masterKey) {
        String file = "Pulumi." + stack + ".yaml";
        // The committed placeholder ciphertext is meant to be replaced before the first up (README): drop it, and
        // the Magnum keys, so the CLI's passphrase provider owns every secret of the file.
        project.existingCluster(stack, "");
        project.write(file, project.read(file).replaceAll("(?m)^  edxstack:secrets\\.masterKey:\\n    secure: .*\\n", ""));
        pulumi.run("stack", "init", stack, "--secrets-provider", "passphrase").ok();
        // The cluster already runs cert-manager (its CRDs are applied by the harness).
        pulumi.setConfig(stack, "edxstack:certManager.install", "false");
        pulumi.setSecret(stack, "edxstack:secrets.masterKey", masterKey);
        pulumi.setSecret(stack, "edxstack:cluster.kubeconfig", cluster.kubeconfigText());
        pulumi.setSecret(stack, "edxstack:backup.s3AccessKey", "e2e-backup-access-key");
        pulumi.setSecret(stack, "edxstack:backup.s3SecretKey", "e2e-backup-secret-key-0123456789");
    }

    /**
     * A peer stack as a deployed standby looks to a {@code StackReference}: its state holds the stack's {@code role}
     * output and nothing else. The engine benchmark measures the primary alone, and an active stack refuses to run
     * while its peer has no role (the split-brain guard).
     */
    static void standbyPeer(PulumiCli pulumi, String stack, Path workDir) {
        pulumi.run("stack", "init", stack, "--secrets-provider", "passphrase").ok();
        ObjectNode export = (ObjectNode) pulumi.run("stack", "export", "--stack", stack).ok().stdoutJson();
        ObjectNode root = ((ObjectNode) export.get("deployment")).putArray("resources").addObject()
                .put("urn", "urn:pulumi:" + stack + "::edxstack::pulumi:pulumi:Stack::edxstack-" + stack)
                .put("custom", false)
                .put("type", "pulumi:pulumi:Stack");
        root.putObject("outputs").put("role", "standby");
        Path file = workDir.resolve(stack + "-standby-state.json");
        try {
            new ObjectMapper().writeValue(file.toFile(), export);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pulumi.run("stack", "import", "--stack", stack, "--file", file.toString()).ok();
    }
}
