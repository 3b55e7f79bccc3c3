package io.edxstack.backup;

import java.io.PrintStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Progress and events, one timestamped line each, to stderr (stdout is left for command results). Callers pass
 * only names, sizes and counts: nothing that reaches this log may hold a secret.
 */
public final class AgentLog {
    private final PrintStream out;
    private final Clock clock;

    public AgentLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public static AgentLog stderr() {
        return new AgentLog(System.err, Clock.systemUTC());
    }

    public void info(String message) {
        out.println(clock.instant().truncatedTo(ChronoUnit.MILLIS) + " " + message);
        out.flush();
    }

    static String mebibytes(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }

    static String megabytesPerSecond(long bytes, long nanos) {
        return String.format("%.1f MB/s", nanos <= 0 ? 0.0 : bytes / 1e6 / (nanos / 1e9));
    }
}
