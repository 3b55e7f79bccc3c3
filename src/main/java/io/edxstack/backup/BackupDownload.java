package io.edxstack.backup;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a stored backup, decompressed, into a load tool's stdin, checking size and SHA-256 on the way. The load
 * tool sees the end of its input only after the whole object matched its manifest; on any failure the tool is
 * killed first, so it never takes a cut stream for a finished one.
 */
final class BackupDownload {
    private static final int CHUNK = 1024 * 1024;

    private BackupDownload() {
    }

    /** Returns the uncompressed byte count; {@code loaded} is kept current for progress reports. */
    static long into(BackupStore store, BackupManifest manifest, Process loader, String tool, ProcessTail stderr,
                     AtomicLong loaded) {
        OutputStream stdin = loader.getOutputStream();
        try (InputStream object = store.open(manifest.objectKey());
             ChecksumVerifyingInputStream verifying = new ChecksumVerifyingInputStream(object, manifest);
             ZstdInputStreamNoFinalizer zstd = new ZstdInputStreamNoFinalizer(verifying)) {
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = zstd.read(buffer)) >= 0; ) {
                writeTo(stdin, buffer, n, loader, tool, stderr);
                loaded.addAndGet(n);
            }
            verifying.verifyToEnd();
        } catch (IOException e) {
            loader.destroyForcibly();
            throw new StorageException("streaming " + manifest.objectKey() + " failed (" + e.getMessage() + ")", 0, e);
        } catch (RuntimeException e) {
            loader.destroyForcibly();
            throw e;
        }
        try {
            stdin.close();
        } catch (IOException e) {
            throw loaderFailed(loader, tool, stderr, e);
        }
        return loaded.get();
    }

    private static void writeTo(OutputStream stdin, byte[] buffer, int length, Process loader, String tool,
                                ProcessTail stderr) {
        try {
            stdin.write(buffer, 0, length);
        } catch (IOException e) {
            throw loaderFailed(loader, tool, stderr, e);
        }
    }

    private static LoadToolException loaderFailed(Process loader, String tool, ProcessTail stderr, IOException e) {
        try {
            loader.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        loader.destroyForcibly();
        return new LoadToolException(tool + " stopped reading the backup (exit code "
                + (loader.isAlive() ? "unknown" : loader.exitValue()) + "): " + stderr.tail(), e);
    }
}
