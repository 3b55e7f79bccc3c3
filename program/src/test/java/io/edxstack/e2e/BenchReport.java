package io.edxstack.e2e;

import io.edxstack.e2e.EngineBench.Measured;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Prints the engine benchmark: one row per step with the load average beside it, the phases of each pulumi command,
 * then per size the ratio of the no-change preview to the kubectl dry run and the program's share of the CPU, and
 * the per-platform cost between sizes (equal slopes: linear growth).
 */
final class BenchReport {
    static final String UP = "pulumi up (first)";
    static final String PREVIEW = "pulumi preview (no change)";
    static final String PREVIEW_ZUUL = "pulumi preview (no change), Zuul's JVM flags";
    static final String KUBECTL = "kubectl apply --server-side --dry-run=server";
    /** The goals: a no-change preview within 2x the kubectl dry run, the program under 10 % of the CPU. */
    static final double RATIO_GOAL = 2.0;
    static final double PROGRAM_SHARE_GOAL = 0.10;

    private final PrintStream out;
    private final List<Measured> rows = new ArrayList<>();

    BenchReport(PrintStream out) {
        this.out = out;
    }

    void header(Properties versions) {
        out.printf(Locale.ROOT, "edxstack engine benchmark, %s, %d CPUs (shared: the load average is printed beside each row)%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "pulumi %s, pulumi-resource-kubernetes %s, kube-apiserver and kubectl %s, etcd %s; program JVM: "
                        + "Java %s, started as pulumi-language-java starts the jar (no JVM options unless the step says so)%n",
                versions.getProperty("pulumi"),
                versions.getProperty("pulumi-resource-kubernetes"), versions.getProperty("kubernetes"),
                versions.getProperty("etcd"), Runtime.version());
        out.printf(Locale.ROOT, "%-4s %-44s %6s %8s %9s | CPU s: %7s %8s %8s %8s %9s | %s%n", "N", "step", "count", "wall s",
                "peak MiB", "engine", "provider", "program", "kubectl", "apiserver", "load 1/5/15 min");
    }

    void row(Measured m) {
        rows.add(m);
        String cpu = m.phases() == null
                ? String.format(Locale.ROOT, "%7s %8s %8s %8.1f %9.1f", "-", "-", "-", m.cpu("kubectl"), m.apiServerCpuSeconds())
                : String.format(Locale.ROOT, "%7.1f %8.1f %8.1f %8s %9.1f", m.cpu("engine"), m.cpu("provider"), m.cpu("program"),
                "-", m.apiServerCpuSeconds());
        out.printf(Locale.ROOT, "%-4d %-44s %6d %8.1f %9.0f |        %s | %s%n", m.platforms(), m.step(), m.count(),
                m.wallSeconds(), m.peakTreeMib(), cpu, m.loadAverage());
        if (m.phases() != null) {
            var p = m.phases();
            out.printf(Locale.ROOT, "     wall by phase: program JVM start %.1f, CLI before the program %.1f, policy gate %.1f "
                            + "(CPU %.1f), registration %.1f, CLI after the program %.1f; transform %d calls, %.2f s; "
                            + "peak MiB per process: engine %.0f, provider %.0f, program %.0f%n",
                    p.jvmStart(), p.cliBeforeProgram(), p.gate(), p.gateCpu(), p.registration(), p.cliAfterProgram(),
                    p.transformCalls(), p.transformSeconds(), m.peakProcessMib().getOrDefault("engine", 0.0),
                    m.peakProcessMib().getOrDefault("provider", 0.0), m.peakProcessMib().getOrDefault("program", 0.0));
        }
        out.flush();
    }

    void summary() {
        out.println();
        out.printf(Locale.ROOT, "%-4s %-44s %16s %22s %22s%n", "N", "no-change preview", "preview/kubectl",
                "program share of CPU", "serial program share");
        Optional<Integer> largest = rows.stream().map(Measured::platforms).max(Integer::compare);
        for (int n : rows.stream().map(Measured::platforms).distinct().toList()) {
            Optional<Measured> kubectl = find(n, KUBECTL);
            for (String step : List.of(PREVIEW, PREVIEW_ZUUL)) {
                Optional<Measured> preview = find(n, step);
                if (preview.isEmpty() || kubectl.isEmpty()) {
                    continue;
                }
                double ratio = preview.get().wallSeconds() / kubectl.get().wallSeconds();
                double share = programShare(preview.get());
                out.printf(Locale.ROOT, "%-4d %-44s %15.1fx %20.0f %% %20.0f %%%s%n", n, step, ratio, 100 * share,
                        100 * serialProgramShare(preview.get()), largest.filter(l -> l == n).isPresent()
                                ? "   goal (" + RATIO_GOAL + "x, under " + Math.round(100 * PROGRAM_SHARE_GOAL) + " %): "
                                + verdict(ratio, share) : "");
            }
        }
        out.println();
        out.println("cost per platform between sizes (seconds per platform; equal slopes: linear growth)");
        for (String step : List.of(UP, PREVIEW, PREVIEW_ZUUL, KUBECTL)) {
            List<Measured> bySize = rows.stream().filter(m -> m.step().equals(step)).toList();
            for (int i = 1; i < bySize.size(); i++) {
                Measured a = bySize.get(i - 1);
                Measured b = bySize.get(i);
                double platforms = b.platforms() - a.platforms();
                out.printf(Locale.ROOT, "  %-44s %3d->%-3d wall %.2f", step, a.platforms(), b.platforms(),
                        (b.wallSeconds() - a.wallSeconds()) / platforms);
                for (String group : b.phases() == null ? List.of("kubectl") : List.of("engine", "provider", "program")) {
                    out.printf(Locale.ROOT, ", %s CPU %.2f", group, (b.cpu(group) - a.cpu(group)) / platforms);
                }
                out.printf(Locale.ROOT, ", apiserver CPU %.2f%n", (b.apiServerCpuSeconds() - a.apiServerCpuSeconds()) / platforms);
            }
        }
        out.flush();
    }

    /** The program's CPU over the CPU of the engine, the provider and the program. */
    static double programShare(Measured m) {
        double total = m.cpu("engine") + m.cpu("provider") + m.cpu("program");
        return total == 0 ? 0 : m.cpu("program") / total;
    }

    /** The part of the wall time only the program ran: its JVM starting and the policy gate. */
    static double serialProgramShare(Measured m) {
        return (m.phases().jvmStart() + m.phases().gate()) / m.wallSeconds();
    }

    static String verdict(double ratio, double programShare) {
        List<String> missed = new ArrayList<>();
        if (ratio > RATIO_GOAL) {
            missed.add("ratio");
        }
        if (programShare >= PROGRAM_SHARE_GOAL) {
            missed.add("program share");
        }
        return missed.isEmpty() ? "met" : "NOT met: " + String.join(" and ", missed);
    }

    private Optional<Measured> find(int platforms, String step) {
        return rows.stream().filter(m -> m.platforms() == platforms && m.step().equals(step)).findFirst();
    }
}
