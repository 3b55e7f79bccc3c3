package io.edxstack.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Samples process trees from /proc every 20 ms while a command runs: the peak of their summed resident memory, and
 * per process the last CPU time seen (utime + stime) and the kernel's own peak resident memory (VmHWM). Processes are
 * grouped by a function of their executable name (engine, provider, program). A process that exits between two
 * samples loses at most one interval of CPU time; VmHWM is exact. Linux only; clock ticks are taken as 100 per second
 * (USER_HZ on every Linux architecture in use).
 */
final class ProcessSampler implements AutoCloseable {
    private static final double TICKS_PER_SECOND = 100.0;
    private static final long INTERVAL_MILLIS = 20;

    private final List<ProcessHandle> roots = new CopyOnWriteArrayList<>();
    private final Function<String, String> group;
    private final Map<Long, String> groups = new ConcurrentHashMap<>();
    private final Map<Long, Long> ticks = new ConcurrentHashMap<>();
    private final Map<Long, Long> hwmKb = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakRssKb;

    /** {@code group} maps an executable's file name to the group it is counted in. */
    ProcessSampler(Function<String, String> group) {
        this.group = group;
        this.thread = new Thread(this::loop, "process-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Samples {@code root} and its descendants from now on. */
    ProcessSampler add(ProcessHandle root) {
        roots.add(root);
        sampleNow();
        return this;
    }

    private void loop() {
        while (running) {
            sampleNow();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes a sample at once (as before stopping a process whose CPU time counts). */
    synchronized void sampleNow() {
        long rss = 0;
        for (ProcessHandle process : roots.stream().flatMap(r -> Stream.concat(Stream.of(r), r.descendants())).toList()) {
            long pid = process.pid();
            Optional<String> status = read(Path.of("/proc", String.valueOf(pid), "status"));
            Optional<String> stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
            if (status.isEmpty() || stat.isEmpty()) {
                continue;
            }
            rss += field(status.get(), "VmRSS:");
            hwmKb.merge(pid, field(status.get(), "VmHWM:"), Math::max);
            groups.computeIfAbsent(pid, p -> group.apply(executable(process, status.get())));
            ticks.put(pid, cpuTicks(stat.get()));
        }
        peakRssKb = Math.max(peakRssKb, rss);
    }

    /** Peak of the summed resident memory of every sampled process, in MiB. */
    double peakRssMib() {
        return peakRssKb / 1024.0;
    }

    /** CPU seconds by group. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> byGroup = new TreeMap<>();
        ticks.forEach((pid, t) -> byGroup.merge(groups.get(pid), t / TICKS_PER_SECOND, Double::sum));
        return byGroup;
    }

    /** Largest per-process peak resident memory (VmHWM) by group, in MiB. */
    Map<String, Double> peakProcessMib() {
        Map<String, Double> byGroup = new TreeMap<>();
        hwmKb.forEach((pid, kb) -> byGroup.merge(groups.get(pid), kb / 1024.0, Math::max));
        return byGroup;
    }

    /** CPU seconds used so far by long-running processes (the API server and etcd). */
    static double cpuSeconds(List<ProcessHandle> processes) {
        return processes.stream().mapToDouble(p -> read(Path.of("/proc", String.valueOf(p.pid()), "stat"))
                .map(ProcessSampler::cpuTicks).orElse(0L) / TICKS_PER_SECOND).sum();
    }

    static long cpuTicks(String stat) {
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The executable's file name, or the kernel's short name of the process when the JDK cannot tell. */
    private static String executable(ProcessHandle process, String status) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString())
                .orElseGet(() -> status.lines().filter(l -> l.startsWith("Name:")).findFirst()
                        .map(l -> l.substring(5).strip()).orElse("?"));
    }

    static long field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length()).trim().split("\\s+")[0])).orElse(0L);
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleNow();
    }
}
