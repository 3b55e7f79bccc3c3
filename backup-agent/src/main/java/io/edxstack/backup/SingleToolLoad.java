package io.edxstack.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/** One load tool (mariadb, mongorestore) reading the whole backup on its stdin. */
final class SingleToolLoad implements LoadTarget {
    private final ToolInvocation tool;
    private Process process;
    private ProcessTail stderr;
    private OutputStream stdin;

    SingleToolLoad(ToolInvocation tool) {
        this.tool = tool;
    }

    @Override
    public void start() {
        process = tool.start();
        stderr = ProcessTail.of(process, tool.tool());
        stdin = process.getOutputStream();
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        try {
            stdin.write(buffer, offset, length);
        } catch (IOException e) {
            throw stoppedReading(e);
        }
    }

    @Override
    public void finish() {
        try {
            stdin.close();
        } catch (IOException e) {
            throw stoppedReading(e);
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new LoadToolException(tool.tool() + " was interrupted", e);
        }
        if (exit != 0) {
            throw LoadToolException.exited(tool.tool(), exit, stderr.tail());
        }
    }

    @Override
    public void abort() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private LoadToolException stoppedReading(IOException e) {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        String exit = process.isAlive() ? "unknown" : String.valueOf(process.exitValue());
        // Before the kill: destroying a process closes its streams, and the tail would lose what is still unread.
        String tail = stderr.tail();
        process.destroyForcibly();
        return new LoadToolException(tool.tool() + " stopped reading the backup (exit code " + exit + "): " + tail, e);
    }

    @Override
    public String toString() {
        return tool.toString();
    }
}
