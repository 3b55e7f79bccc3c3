package io.edxstack.program;

import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Keeps the Pulumi SDK's task loop from starving the program it is waiting for.
 *
 * <p>The SDK's runner (1.36.1) re-submits its "are all tasks done yet" pass to {@code CompletableFuture}'s
 * default executor the moment a pass ends. When that executor is the ForkJoin common pool, the worker running
 * the pass pops its own re-submission first, the stack callback waits behind it in the same queue, the other
 * workers stay parked, and the run spins on one core forever. On JDK 17-24 the common pool is that executor
 * whenever its parallelism is 2 or more, which is the default on any machine with three or more CPUs: with
 * parallelism 2, two of three runs of {@code bench/render/run.sh} never finished. With parallelism 1 the JDK
 * gives every async step its own thread instead, which the OS schedules fairly and which cannot starve.
 *
 * <p>So every entry point pins the common pool to 1 before anything touches it: {@code render},
 * {@code review}, the policy gate inside {@code pulumi preview/up} and the program under the real engine
 * all run on the executor CI measures and tests. JDK 25 dropped the thread-per-task fallback, which brings
 * the same livelock back at parallelism 1 (pulumi/pulumi-java#2270, fixed after 1.36.1): refused.
 */
public final class SdkExecutor {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final int LAST_SAFE_JAVA = 24;

    private SdkExecutor() {
    }

    /**
     * Pins the common pool's parallelism to 1. Must run before the first use of {@code CompletableFuture} or
     * {@code ForkJoinPool} in the JVM, which fix their executor once.
     *
     * @throws IllegalStateException on a Java release without the fallback, or when the pool was already
     *         started with more parallelism (edxstack was started from another program's JVM)
     */
    public static void pinBeforeFirstUse() {
        refusal(Runtime.version().feature()).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
        System.setProperty(PARALLELISM, "1");
        int parallelism = ForkJoinPool.getCommonPoolParallelism();
        if (parallelism != 1) {
            throw new IllegalStateException("the ForkJoin common pool was started with parallelism " + parallelism
                    + " before edxstack could pin it to 1; the Pulumi SDK's task loop can then starve the program."
                    + " Start edxstack in its own JVM, or with -D" + PARALLELISM + "=1");
        }
    }

    /** Why this Java release cannot run the SDK safely, if it cannot. */
    static Optional<String> refusal(int javaFeatureRelease) {
        if (javaFeatureRelease <= LAST_SAFE_JAVA) {
            return Optional.empty();
        }
        return Optional.of("Java " + javaFeatureRelease + " runs CompletableFuture's async steps on the ForkJoin "
                + "common pool at any parallelism, where the Pulumi SDK 1.36.1 task loop can spin forever "
                + "(pulumi/pulumi-java#2270); run edxstack on Java 17 to " + LAST_SAFE_JAVA);
    }
}
