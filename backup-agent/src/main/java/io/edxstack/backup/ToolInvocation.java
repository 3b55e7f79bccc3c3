package io.edxstack.backup;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A dump or load tool's command line plus the environment it needs. The command line never holds a secret (it is
 * visible to every user through /proc/PID/cmdline); secrets travel in {@code environment} or a credentials pipe,
 * and {@link #toString()} shows the environment's names only.
 */
public record ToolInvocation(List<String> command, Map<String, String> environment) {

    public ToolInvocation {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    public String tool() {
        return command.get(0);
    }

    Process start() {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new DumpToolException(tool() + " could not be started (" + e.getMessage()
                    + "), perhaps install it or point the tool flag at it", e);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command) + (environment.isEmpty() ? "" : " (environment: " + environment.keySet() + ")");
    }
}
