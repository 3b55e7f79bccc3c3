package io.edxstack.cli;

import io.edxstack.render.RenderProgress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress of a long render on standard error: once a render has run for a while, a line each time it
 * reaches a platform, then a last line with the total. Short renders stay silent.
 */
final class ProgressReport implements RenderProgress {
    static final long QUIET_MILLIS = 2_000;

    private final PrintWriter err;
    private final String stack;
    private final LongSupplier clock;
    private final long quietMillis;
    private final long start;
    private boolean spoke;

    ProgressReport(PrintWriter err, String stack, LongSupplier clock, long quietMillis) {
        this.err = err;
        this.stack = stack;
        this.clock = clock;
        this.quietMillis = quietMillis;
        this.start = clock.getAsLong();
    }

    @Override
    public void registered(int platformsStarted, int platformsTotal, String platform, int resources) {
        if (platform == null || clock.getAsLong() - start < quietMillis) {
            return;
        }
        err.printf("%s: platform %d/%d (%s), %d resources registered%n", stack, platformsStarted, platformsTotal,
                platform, resources);
        err.flush();
        spoke = true;
    }

    /** The closing line, when progress was shown at all. */
    void done(int resources) {
        if (spoke) {
            err.printf("%s: rendered %d resources in %.1f s%n", stack, resources, (clock.getAsLong() - start) / 1000.0);
            err.flush();
        }
    }
}
