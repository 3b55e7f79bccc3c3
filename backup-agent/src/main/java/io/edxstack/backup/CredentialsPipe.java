package io.edxstack.backup;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * Hands a secret to a child tool that only reads it from a file: a named pipe (mode 0600, in a 0700 directory)
 * that a thread writes the secret into once, when the tool opens it. The secret never lands on disk, so an agent
 * killed with SIGKILL leaves an empty pipe behind, not a credentials file.
 */
public final class CredentialsPipe implements AutoCloseable {
    private final Path directory;
    private final Path pipe;
    private final Thread writer;

    private CredentialsPipe(Path directory, Path pipe, byte[] content) {
        this.directory = directory;
        this.pipe = pipe;
        this.writer = new Thread(() -> serve(content), "credentials-pipe");
        writer.setDaemon(true);
        writer.start();
    }

    public static CredentialsPipe serve(String content, String fileName) {
        try {
            Path directory = Files.createTempDirectory("edxstack-credentials",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path pipe = directory.resolve(fileName);
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", pipe.toString()).redirectErrorStream(true)
                    .start();
            String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                throw new IOException("mkfifo failed: " + output);
            }
            return new CredentialsPipe(directory, pipe, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BackupSettingsException("cannot create a credentials pipe in " + System.getProperty("java.io.tmpdir")
                    + " (" + e.getMessage() + "), perhaps the temp directory is read-only");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupSettingsException("creating a credentials pipe was interrupted");
        }
    }

    public Path path() {
        return pipe;
    }

    private void serve(byte[] content) {
        try (OutputStream out = new FileOutputStream(pipe.toFile())) {
            out.write(content);
        } catch (IOException e) {
            // The reader went away (the tool failed early, or close() unblocked us): nothing more to hand over.
        }
    }

    @Override
    public void close() {
        // Opening a FIFO read-write never blocks on Linux and counts as a reader, so a writer still waiting for the
        // tool returns; when the tool already read the secret this does nothing.
        try {
            new RandomAccessFile(pipe.toFile(), "rw").close();
        } catch (IOException e) {
            // Already gone; the deletes below still clean up.
        }
        try {
            writer.join(2000);
            Files.deleteIfExists(pipe);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new BackupSettingsException("cannot remove credentials pipe " + pipe + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
