package io.edxstack.program;

import io.edxstack.render.Renderer;

import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;

/**
 * Started in a JVM of its own by {@link SdkExecutorTest} and bench/sdk-livelock/run.sh, with the common pool's
 * parallelism given on the command line as a machine with more CPUs would have it.
 * <ul>
 *   <li>{@code renders N [--unpinned]}: renders the repository's prod-primary stack N times, pinning the pool
 *   first as {@code Main} does (or not), and prints the parallelism it ran with and each render's time.</li>
 *   <li>{@code pool-first}: starts the common pool before pinning, as a host program could.</li>
 * </ul>
 */
public final class ExecutorProbe {
    private ExecutorProbe() {
    }

    public static void main(String[] args) {
        if (args[0].equals("pool-first")) {
            ForkJoinPool.commonPool();
            pinOrExit();
            return;
        }
        int renders = Integer.parseInt(args[1]);
        if (args.length < 3 || !args[2].equals("--unpinned")) {
            pinOrExit();
        }
        System.out.println("parallelism " + ForkJoinPool.getCommonPoolParallelism());
        for (int i = 1; i <= renders; i++) {
            long start = System.nanoTime();
            int resources = Renderer.render(Path.of("."), "prod-primary").resources().size();
            System.out.printf("render %d: %d resources in %.2f s%n", i, resources, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void pinOrExit() {
        try {
            SdkExecutor.pinBeforeFirstUse();
        } catch (IllegalStateException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
        }
    }
}
