package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;

/**
 * How the stream is cut and compressed. Memory held by part buffers is at most {@code (concurrency + 1) * partSize}.
 *
 * @param partSize     bytes per multipart part (S3's minimum is 5 MiB, the maximum part count 10,000)
 * @param concurrency  parts uploaded at the same time while the next one is filled
 * @param zstdLevel    zstd level; 1 keeps up with a dump on two cores, higher levels trade speed for size
 * @param zstdWorkers  zstd's own compression threads; 0 compresses on the reading thread
 */
public record PipelineTuning(int partSize, int concurrency, int zstdLevel, int zstdWorkers) {
    public static final int DEFAULT_PART_SIZE = 16 * 1024 * 1024;

    public PipelineTuning {
        if (partSize < MultipartUploadStream.MIN_PART_SIZE || partSize > 512 * 1024 * 1024) {
            throw new BackupSettingsException("part size " + partSize + " (--part-size, " + AgentEnv.PART_SIZE + ") is out of "
                    + "range, perhaps between 5MiB (S3's minimum) and 512MiB");
        }
        if (concurrency < 1 || concurrency > 16) {
            throw new BackupSettingsException("upload concurrency " + concurrency
                    + " (--concurrency, " + AgentEnv.UPLOAD_CONCURRENCY + ") is out of range, perhaps 1 to 16");
        }
        if (zstdLevel < 1 || zstdLevel > 19) {
            throw new BackupSettingsException("zstd level " + zstdLevel
                    + " (--zstd-level, " + AgentEnv.ZSTD_LEVEL + ") is out of range, perhaps 1 to 19");
        }
        if (zstdWorkers < 0 || zstdWorkers > 16) {
            throw new BackupSettingsException("zstd workers " + zstdWorkers
                    + " (--zstd-workers, " + AgentEnv.ZSTD_WORKERS + ") is out of range, perhaps 0 to 16");
        }
    }
}
