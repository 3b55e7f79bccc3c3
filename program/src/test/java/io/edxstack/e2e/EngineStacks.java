package io.edxstack.e2e;

import io.edxstack.testing.TestProject;

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
}
