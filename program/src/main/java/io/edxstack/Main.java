package io.edxstack;

import io.edxstack.cli.EdxstackCli;
import io.edxstack.program.EdxstackProgram;
import io.edxstack.program.SdkExecutor;

/**
 * One jar, two uses: started with no arguments (as the Pulumi language host does) it runs the
 * stack program; with a command it is the operator's CLI.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try {
            SdkExecutor.pinBeforeFirstUse();
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        if (args.length == 0) {
            EdxstackProgram.runUnderEngine();
            return;
        }
        System.exit(EdxstackCli.run(args));
    }
}
