package io.edxstack.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples a process tree from /proc every 50 ms while a command runs: the peak of its summed resident memory and
 * the last CPU time seen of each process, grouped by executable name (pulumi, pulumi-resource-kubernetes, ...).
 * Linux only; clock ticks are taken as 100 per second (the kernel's USER_HZ on every Linux architecture in use).
 */
final class ProcessSampler implements AutoCloseable {
    private static final double TICKS_PER_SECOND = 100.0;

    private final ProcessHandle root;
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final Map<Long, Long> ticks = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakRssKb;

    ProcessSampler(ProcessHandle root) {
        this.root = root;
        this.thread = new Thread(this::loop, "process-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long rss = 0;
        for (ProcessHandle process : java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants()).toList()) {
            long pid = process.pid();
            Optional<String> status = read(Path.of("/proc", String.valueOf(pid), "status"));
            Optional<String> stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
            if (status.isEmpty() || stat.isEmpty()) {
                continue;
            }
            rss += field(status.get(), "VmRSS:");
            names.putIfAbsent(pid, process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?"));
            ticks.put(pid, cpuTicks(stat.get()));
        }
        peakRssKb = Math.max(peakRssKb, rss);
    }

    /** Peak resident memory of the whole tree, in MiB. */
    double peakRssMib() {
        return peakRssKb / 1024.0;
    }

    /** CPU seconds by executable name. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> byName = new HashMap<>();
        ticks.forEach((pid, t) -> byName.merge(names.getOrDefault(pid, "?"), t / TICKS_PER_SECOND, Double::sum));
        return byName;
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

    private static long field(String status, String name) {
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
        sample();
        running = false;
        thread.interrupt();
    }
}
