package io.edxstack.backup;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Six hex digits naming one restore run's staging and previous databases or collections. Per run, not per
 * backup: restoring the same backup again after a crash must not collide with what the crashed run left.
 */
final class RestoreRunSuffix {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RestoreRunSuffix() {
    }

    static String next() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
