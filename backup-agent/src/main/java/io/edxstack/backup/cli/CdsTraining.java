package io.edxstack.backup.cli;

/**
 * The class-data sharing training run of the backup agent's image (images/backup-agent/cds-training.sh): one JVM
 * that runs {@code backup mysql} and then {@code restore mysql} of that backup against the S3 endpoint given (the
 * script starts an in-memory stand-in from the test classes in another JVM), with {@code true} as dump tool and, as
 * load tool, a program that reads its input and prints nothing whatever its arguments. The archive written at its
 * exit then holds the classes of both paths (S3 client, request and response handling, manifest JSON, zstd both
 * ways), which the agent would otherwise load and verify on every run. Not a command:
 * {@code java -cp edxstack-backup-agent.jar io.edxstack.backup.cli.CdsTraining S3_ENDPOINT LOAD_TOOL}; exits 0 only
 * when both runs succeeded.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp edxstack-backup-agent.jar " + CdsTraining.class.getName() + " S3_ENDPOINT LOAD_TOOL");
            System.exit(2);
        }
        String[] common = {"--platform", "cds-training", "--stack-role", "standby", "--s3-endpoint", args[0],
                "--s3-bucket", "training", "--s3-access-key-id", "training", "--s3-max-attempts", "1",
                "--mysql-host", "127.0.0.1", "--mysql-user", "training", "--progress-interval", "1h"};
        int exit = AgentCli.run(concat(new String[]{"backup", "mysql", "--region", "training", "--dump-tool",
                "true"}, common));
        if (exit == 0) {
            exit = AgentCli.run(concat(new String[]{"restore", "mysql", "--load-tool", args[1]}, common));
        }
        System.exit(exit);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
