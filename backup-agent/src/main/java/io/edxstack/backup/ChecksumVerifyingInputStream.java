package io.edxstack.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes a stored object through while hashing it, and fails at its end (or as soon as it grows past the expected
 * size) when size or SHA-256 differ from the manifest. Readers hand data on before the end, so callers must treat
 * everything read as unconfirmed until {@link #verifyToEnd()} returns.
 */
final class ChecksumVerifyingInputStream extends FilterInputStream {
    private final BackupManifest manifest;
    private final MessageDigest sha256;
    private long count;
    private boolean verified;

    ChecksumVerifyingInputStream(InputStream in, BackupManifest manifest) {
        super(in);
        this.manifest = manifest;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            check();
            return n;
        }
        sha256.update(b, off, n);
        count += n;
        if (count > manifest.size()) {
            throw new ChecksumMismatchException(manifest.objectKey() + " is longer than the " + manifest.size()
                    + " bytes its manifest records, perhaps the object was overwritten");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would bypass the checksum of " + manifest.objectKey());
    }

    /** Reads whatever the consumer left unread and checks size and SHA-256; throws on any mismatch. */
    void verifyToEnd() throws IOException {
        byte[] rest = new byte[64 * 1024];
        while (!verified) {
            read(rest, 0, rest.length);
        }
    }

    private void check() {
        if (verified) {
            return;
        }
        if (count != manifest.size()) {
            throw new ChecksumMismatchException(manifest.objectKey() + " has " + count + " bytes but its manifest "
                    + "records " + manifest.size() + ", perhaps the object was truncated or overwritten");
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(manifest.sha256())) {
            throw new ChecksumMismatchException(manifest.objectKey() + " has SHA-256 " + actual + " but its manifest "
                    + "records " + manifest.sha256() + ", perhaps the object was corrupted or overwritten");
        }
        verified = true;
    }
}
