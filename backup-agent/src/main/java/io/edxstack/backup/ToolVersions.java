package io.edxstack.backup;

import io.edxstack.backup.contract.Release;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Versions recorded in manifests, so that a restore years later knows which tools wrote the dump. */
public final class ToolVersions {
    private ToolVersions() {
    }

    /** The first line of {@code <tool> --version}; fails like a dump would when the tool cannot run. */
    public static String of(String tool) {
        try {
            Process process = new ProcessBuilder(List.of(tool, "--version")).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new DumpToolException(tool + " --version failed: " + output.strip()
                        + ", perhaps the tool is broken or not the one expected", null);
            }
            return output.lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new DumpToolException(tool + " could not be started (" + e.getMessage()
                    + "), perhaps install it or point the tool flag at it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DumpToolException(tool + " --version was interrupted", e);
        }
    }

    public static String agent() {
        return Release.agent();
    }
}
