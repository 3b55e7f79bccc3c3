package io.edxstack.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A GET body whose read failures say which object was being read, so that a cut download is reported as such. */
final class StorageInputStream extends FilterInputStream {
    private final String bucket;
    private final String key;

    StorageInputStream(InputStream in, String bucket, String key) {
        super(in);
        this.bucket = bucket;
        this.key = key;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        return new IOException("reading s3://" + bucket + "/" + key + " failed (" + e.getMessage()
                + "), perhaps the S3 service went away", e);
    }
}
