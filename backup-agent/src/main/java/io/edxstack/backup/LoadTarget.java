package io.edxstack.backup;

/**
 * Where a restore streams a verified backup: one load tool, or several MariaDB client sessions sharing a dump.
 * {@link #finish()} is called only once the whole object matched its manifest, so a target never takes a cut stream
 * for a finished one; on any failure before that, {@link #abort()}.
 */
interface LoadTarget {
    /** Starts the tool or sessions; nothing is loaded yet. */
    void start();

    void write(byte[] buffer, int offset, int length);

    /** The input is complete and verified: ends it and waits for the load to succeed, or throws. */
    void finish();

    /** Kills whatever still runs; the caller drops the staged data. */
    void abort();
}
