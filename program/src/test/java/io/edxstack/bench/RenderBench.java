package io.edxstack.bench;

import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import io.edxstack.program.SdkExecutor;
import io.edxstack.render.DesiredState;
import io.edxstack.render.Renderer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Render of a catalogue of N full platforms against the SDK engine's floor: the same number of bare
 * ConfigMaps registered by a trivial program under the same mock engine, in the same JVM. Prints one line
 * per measurement. Run through bench/render/run.sh.
 */
public final class RenderBench {
    private static final String STACK = "prod-primary";
    private static final int REPEATS = 5;
    private static final int WARM_UP_PLATFORMS = 5;
    private static final int WINDOW = 5;
    private static final int MIN_WARM_UP_ROUNDS = 20;
    private static final int MAX_WARM_UP_ROUNDS = 60;

    private RenderBench() {
    }

    public static void main(String[] args) throws Exception {
        SdkExecutor.pinBeforeFirstUse();
        Path repository = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        List<Integer> sizes = args.length > 1 ? Stream.of(args[1].split(",")).map(Integer::parseInt).toList() : List.of(5, 50);
        warmUp(repository);
        System.out.printf("%-10s %-10s %-10s %-14s %-12s %-14s %-8s%n",
                "platforms", "resources", "render_s", "render_heap_MB", "floor_s", "floor_heap_MB", "ratio");
        for (int platforms : sizes) {
            Path dir = project(repository, platforms);
            int resources = 0;
            double renderSeconds = Double.MAX_VALUE;
            double floorSeconds = Double.MAX_VALUE;
            long renderHeap = 0;
            long floorHeap = 0;
            // Best of REPEATS, alternating, so that other work on a shared machine disturbs both alike.
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                resetPeaks();
                long start = System.nanoTime();
                DesiredState state = render(dir);
                renderSeconds = Math.min(renderSeconds, (System.nanoTime() - start) / 1e9);
                renderHeap = Math.max(renderHeap, peakHeapMb());
                resources = state.resources().size();
                resetPeaks();
                start = System.nanoTime();
                floor(resources);
                floorSeconds = Math.min(floorSeconds, (System.nanoTime() - start) / 1e9);
                floorHeap = Math.max(floorHeap, peakHeapMb());
            }
            System.out.printf("%-10d %-10d %-10.2f %-14d %-12.2f %-14d %-8.2f%n", platforms, resources, renderSeconds,
                    renderHeap, floorSeconds, floorHeap, renderSeconds / floorSeconds);
            delete(dir);
        }
    }

    /**
     * Runs both paths until the JIT has settled, so that the figures compare steady states: the render runs far
     * more distinct code than the floor (hundreds of argument classes against one) and keeps getting faster for
     * 15-25 rounds on 2 cores. Settled means at least {@value #MIN_WARM_UP_ROUNDS} rounds and the best render of
     * the last {@value #WINDOW} within 3 % of the best of the {@value #WINDOW} before. The first round, with class
     * loading and an idle JIT, is printed as the cold figure: what a single {@code render} in a fresh JVM pays.
     */
    private static void warmUp(Path repository) throws IOException {
        Path dir = project(repository, WARM_UP_PLATFORMS);
        List<Double> renders = new ArrayList<>();
        double coldFloor = 0;
        int resources = 0;
        while (renders.size() < MAX_WARM_UP_ROUNDS && !settled(renders)) {
            long start = System.nanoTime();
            resources = render(dir).resources().size();
            renders.add((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            floor(resources);
            double floorSeconds = (System.nanoTime() - start) / 1e9;
            if (renders.size() == 1) {
                coldFloor = floorSeconds;
            }
        }
        System.out.printf("cold (first run in this JVM), %d platforms, %d resources: render %.2f s, floor %.2f s; "
                        + "warm-up %d rounds, render %.2f s in the last%n", WARM_UP_PLATFORMS, resources, renders.get(0),
                coldFloor, renders.size(), renders.get(renders.size() - 1));
        delete(dir);
    }

    private static boolean settled(List<Double> renders) {
        int n = renders.size();
        if (n < MIN_WARM_UP_ROUNDS) {
            return false;
        }
        double previous = Collections.min(renders.subList(n - 2 * WINDOW, n - WINDOW));
        double last = Collections.min(renders.subList(n - WINDOW, n));
        return last > previous * 0.97;
    }

    private static DesiredState render(Path dir) {
        return Renderer.render(dir, STACK);
    }

    /** A trivial program: {@code count} ConfigMaps with one key each, under the SDK's mock engine. */
    static void floor(int count) {
        Mocks mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
            }
        };
        try {
            var result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("floor").stackName(STACK).preview(true).build())
                    .mocks(mocks)
                    .build()
                    .runTest(ctx -> {
                        for (int i = 0; i < count; i++) {
                            new ConfigMap("cm-" + i, ConfigMapArgs.builder()
                                    .metadata(ObjectMetaArgs.builder().name("cm-" + i).build())
                                    .data(Map.of("key", "value"))
                                    .build());
                        }
                    });
            if (!result.exceptions().isEmpty()) {
                throw new IllegalStateException(result.exceptions().get(0));
            }
        } finally {
            PulumiTest.cleanup();
        }
    }

    /**
     * A scratch project: the repository's Pulumi files, policy set and templates, and N copies of the demo platform.
     */
    static Path project(Path repository, int platforms) throws IOException {
        Path dir = Files.createTempDirectory("edxstack-bench-");
        Files.createDirectories(dir.resolve("policies"));
        for (String file : List.of("Pulumi.yaml", "Pulumi.prod-primary.yaml", "Pulumi.prod-dr.yaml",
                "policies/policy-set.yaml")) {
            Files.copy(repository.resolve(file), dir.resolve(file));
        }
        Path templates = dir.resolve("stacks/cluster-templates");
        Files.createDirectories(templates);
        try (Stream<Path> files = Files.list(repository.resolve("stacks/cluster-templates"))) {
            for (Path file : files.toList()) {
                Files.copy(file, templates.resolve(file.getFileName()));
            }
        }
        Path platformsDir = Files.createDirectories(dir.resolve("stacks/platforms"));
        String demo = Files.readString(repository.resolve("stacks/platforms/demo.yaml"));
        String settings = Files.readString(repository.resolve("stacks/platforms/demo.settings.json"));
        for (int i = 1; i <= platforms; i++) {
            String name = String.format("p%03d", i);
            Files.writeString(platformsDir.resolve(name + ".yaml"), demo
                    .replace("name: demo", "name: " + name)
                    .replace("stacks: [prod-primary, prod-dr]", "stacks: [prod-primary]")
                    .replace(".demo.example.org", "." + name + ".example.org"));
            Files.writeString(platformsDir.resolve(name + ".settings.json"), settings);
        }
        return dir;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at any moment. */
    private static long peakHeapMb() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peaks.put(pool.getName(), pool.getPeakUsage().getUsed());
            }
        }
        return peaks.values().stream().mapToLong(Long::longValue).sum() / (1024 * 1024);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
