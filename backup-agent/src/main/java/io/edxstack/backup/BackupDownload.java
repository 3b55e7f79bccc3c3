package io.edxstack.backup;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a stored backup, decompressed, into a load target, checking size and SHA-256 on the way. The target sees
 * the end of its input only after the whole object matched its manifest; on any failure it is aborted first, so it
 * never takes a cut stream for a finished one.
 */
final class BackupDownload {
    private static final int CHUNK = 1024 * 1024;

    private BackupDownload() {
    }

    /**
     * Returns the uncompressed byte count; {@code loaded} (uncompressed) and {@code downloaded} (compressed, as
     * stored) are kept current for progress reports.
     */
    static long into(BackupStore store, BackupManifest manifest, LoadTarget target, AtomicLong loaded,
                     AtomicLong downloaded) {
        try (InputStream object = new ProgressInputStream(store.open(manifest.objectKey()), downloaded::addAndGet);
             ChecksumVerifyingInputStream verifying = new ChecksumVerifyingInputStream(object, manifest);
             ZstdInputStreamNoFinalizer zstd = new ZstdInputStreamNoFinalizer(verifying)) {
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = zstd.read(buffer)) >= 0; ) {
                target.write(buffer, 0, n);
                loaded.addAndGet(n);
            }
            verifying.verifyToEnd();
        } catch (IOException e) {
            target.abort();
            throw new StorageException("streaming " + manifest.objectKey() + " failed (" + e.getMessage() + ")", 0, e);
        } catch (RuntimeException e) {
            target.abort();
            throw e;
        }
        return loaded.get();
    }
}
