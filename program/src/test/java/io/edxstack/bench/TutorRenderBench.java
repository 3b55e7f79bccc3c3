package io.edxstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What Tutor adds to a cold {@code render}: N full platforms rendered by a fresh JVM ({@code edxstack render}, as an
 * operator runs it) with no Tutor render cache (every platform rendered by Tutor's Python), against the same render
 * with every platform in the disk cache, alternately, in one run. Both use the installed Tutor; each uncached run
 * gets an empty cache folder of its own. The two renders' outputs must be byte-identical. Each run's wall time and
 * its CPU time (user + system of the JVM and of the Python it ran, from GNU time), medians of each; on a machine
 * shared with other work the CPU time is the steadier figure. Prints the load average beside the figures; not a
 * test. Run through bench/render/run.sh.
 */
public final class TutorRenderBench {
    private static final String STACK = "prod-primary";
    private static final int TIMEOUT_MINUTES = 15;
    /** GNU time (Debian's package time): wall, user and system seconds of the JVM and of the children it waited for. */
    private static final String GNU_TIME = "/usr/bin/time";

    private TutorRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args[0]).toAbsolutePath();
        List<Integer> sizes = Stream.of(args[1].split(",")).map(Integer::parseInt).toList();
        int repeats = Integer.parseInt(args[2]);
        String classpath = args[3];
        if (!Files.isExecutable(Path.of(GNU_TIME))) {
            throw new IllegalStateException(GNU_TIME + " is missing, perhaps apt-get install time");
        }
        Path cache = cacheDir();
        List<Path> runtimes = runtimes(cache);
        System.out.printf("Tutor's Python, started and given nothing (Tutor's imports): %.2f s; load average %s%n",
                pythonStart(runtimes), loadAverage());
        System.out.printf("%-10s %-5s %-11s %-9s %-7s %-14s %-12s %-7s %-16s%n", "platforms", "runs", "no_cache_s",
                "cached_s", "added", "no_cache_cpu_s", "cached_cpu_s", "added", "load_avg_1/5/15");
        for (int platforms : sizes) {
            Path project = RenderBench.project(repository, platforms);
            Path warm = scratchCache(runtimes);
            Path scratch = Files.createTempDirectory("edxstack-tutor-bench-");
            try {
                render(classpath, project, warm, scratch.resolve("prime.txt")); // fills the cache, not measured
                List<Run> cold = new ArrayList<>();
                List<Run> cached = new ArrayList<>();
                for (int repeat = 0; repeat < repeats; repeat++) {
                    Path empty = scratchCache(runtimes);
                    cold.add(render(classpath, project, empty, scratch.resolve("cold.txt")));
                    delete(empty);
                    cached.add(render(classpath, project, warm, scratch.resolve("cached.txt")));
                    if (Files.mismatch(scratch.resolve("cold.txt"), scratch.resolve("cached.txt")) >= 0) {
                        throw new IllegalStateException("the render without the Tutor cache differs from the cached one");
                    }
                }
                double noCache = median(cold.stream().map(Run::wall).toList());
                double withCache = median(cached.stream().map(Run::wall).toList());
                double noCacheCpu = median(cold.stream().map(Run::cpu).toList());
                double withCacheCpu = median(cached.stream().map(Run::cpu).toList());
                System.out.printf("%-10d %-5d %-11.2f %-9.2f %-7s %-14.2f %-12.2f %-7s %-16s%n", platforms, repeats,
                        noCache, withCache, added(noCache, withCache), noCacheCpu, withCacheCpu,
                        added(noCacheCpu, withCacheCpu), loadAverage());
                System.out.printf("           wall/cpu s, no cache: %s; cached: %s%n", all(cold), all(cached));
            } finally {
                delete(warm);
                delete(scratch);
                delete(project);
            }
        }
    }

    /** Wall and CPU seconds of one run. */
    private record Run(double wall, double cpu) {
    }

    private static String added(double with, double without) {
        return String.format("%+.0f%%", 100 * (with / without - 1));
    }

    /** One {@code render} in a fresh JVM with the given Tutor cache folder, under GNU time. */
    private static Run render(String classpath, Path project, Path cache, Path out) throws Exception {
        Path times = Files.createTempFile("edxstack-tutor-bench-", ".time");
        ProcessBuilder builder = new ProcessBuilder(GNU_TIME, "-f", "%e %U %S", "-o", times.toString(),
                javaBinary(), "-cp", classpath, "io.edxstack.Main", "render",
                "--stack", STACK, "--project-dir", project.toString(), "--out", out.toString())
                .redirectErrorStream(true);
        builder.environment().put("EDXSTACK_CACHE_DIR", cache.toString());
        Path log = Files.createTempFile("edxstack-tutor-bench-", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        boolean ended = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        String output = Files.readString(log);
        Files.delete(log);
        String[] measured = Files.readString(times).strip().split("\\s+");
        Files.delete(times);
        if (!ended) {
            process.destroyForcibly();
            throw new IllegalStateException("render did not end within " + TIMEOUT_MINUTES + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("render failed (exit " + process.exitValue() + "):\n" + output);
        }
        return new Run(Double.parseDouble(measured[measured.length - 3]),
                Double.parseDouble(measured[measured.length - 2]) + Double.parseDouble(measured[measured.length - 1]));
    }

    /** The cache folder edxstack uses (EDXSTACK_CACHE_DIR, XDG_CACHE_HOME, ~/.cache), as TutorRuntime finds it. */
    private static Path cacheDir() {
        return io.edxstack.tutorenv.TutorRuntime.cacheDir();
    }

    /** The installed Tutor virtualenvs ({@code tutor-<lock hash>}): each scratch cache links to them. */
    private static List<Path> runtimes(Path cache) throws IOException {
        io.edxstack.tutorenv.TutorRuntime.shared(); // installs the pin on first use, before anything is timed
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.filter(p -> p.getFileName().toString().matches("tutor-[0-9a-f]{16}")).toList();
        }
    }

    private static Path scratchCache(List<Path> runtimes) throws IOException {
        Path dir = Files.createTempDirectory("edxstack-tutor-cache-");
        for (Path runtime : runtimes) {
            Files.createSymbolicLink(dir.resolve(runtime.getFileName()), runtime);
        }
        return dir;
    }

    /** Median of five starts of the render script with an empty request: Python and Tutor's imports. */
    private static double pythonStart(List<Path> runtimes) throws Exception {
        Path venv = runtimes.get(0);
        Path script;
        try (Stream<Path> files = Files.list(venv)) {
            script = files.filter(p -> p.getFileName().toString().matches("render-[0-9a-f]{16}\\.py"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified())).orElseThrow();
        }
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ProcessBuilder builder = new ProcessBuilder(venv.resolve("bin/python").toString(), script.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("TUTOR_ROOT", cacheDir().resolve("tutor-root").toString());
            long start = System.nanoTime();
            builder.start().waitFor();
            starts.add((System.nanoTime() - start) / 1e9);
        }
        return median(starts);
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + "/" + fields[1] + "/" + fields[2];
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String all(List<Run> runs) {
        return String.join(" ", runs.stream().map(r -> String.format("%.1f/%.1f", r.wall(), r.cpu())).toList());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file); // symbolic links are removed, never followed
            }
        }
    }
}
