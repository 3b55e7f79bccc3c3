package io.edxstack.review.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a log (pulumi up, pulumi refresh) with {@link SecretMasking#text} applied, for the public
 * build log: {@code java -cp edxstack.jar io.edxstack.review.report.MaskedLog RAW MASKED}. The raw log
 * stays on the job's node.
 */
public final class MaskedLog {

    private MaskedLog() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: MaskedLog RAW_LOG MASKED_LOG");
            System.exit(2);
        }
        String raw = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[1]), SecretMasking.text(raw), StandardCharsets.UTF_8);
    }
}
