package io.edxstack.backup;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Multipart uploads and the download of their objects against Ceph RGW, with the S3 client as the agent ships it. */
@Tag("integration")
class RgwMultipartTest {
    @Test
    void multipartUpload_thenGet_returnsSameBytesAndChecksum() throws Exception {
        BackupTestEnvironment env = new BackupTestEnvironment("multipart");
        byte[] data = new byte[17 * 1024 * 1024 + 123];
        new Random(42).nextBytes(data);
        try (BackupStore store = env.store()) {
            MultipartUploadStream upload = MultipartUploadStream.start(store, "t/object.bin",
                    MultipartUploadStream.MIN_PART_SIZE, 3);
            for (int offset = 0; offset < data.length; offset += 100_000) {
                upload.write(data, offset, Math.min(100_000, data.length - offset));
            }
            UploadedObject object = upload.finish();

            String expectedSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
            assertEquals(4, object.partCount());
            assertEquals(data.length, object.size());
            assertEquals(expectedSha, object.sha256());
            assertEquals(data.length, store.sizeOf("t/object.bin"));
            try (InputStream in = store.open("t/object.bin")) {
                assertArrayEquals(data, in.readAllBytes());
            }
            assertEquals(0, store.pendingUploads("t/").size());
        }
    }

    @Test
    void abort_afterSomeParts_leavesNeitherObjectNorUpload() {
        BackupTestEnvironment env = new BackupTestEnvironment("abort");
        try (BackupStore store = env.store()) {
            MultipartUploadStream upload = MultipartUploadStream.start(store, "t/aborted.bin",
                    MultipartUploadStream.MIN_PART_SIZE, 2);
            upload.write(new byte[MultipartUploadStream.MIN_PART_SIZE * 2], 0, MultipartUploadStream.MIN_PART_SIZE * 2);
            upload.abort();
            assertEquals(0, store.pendingUploads("t/").size());
            assertEquals(0, store.list("t/").size());
        }
    }
}
