package io.edxstack.platform;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Derives each platform secret as HMAC-SHA256(master key, "<platform>/<purpose>"). No state and no random
 * provider: the same master key gives the same secrets on every run (no perpetual diff) and in both
 * regions (a restored database's passwords still match). Rotating a secret means changing its purpose
 * (a version suffix) or the master key; see docs/platforms.md.
 */
public final class SecretDerivation {
    private final byte[] masterKey;

    public SecretDerivation(String masterKey) {
        this.masterKey = masterKey.getBytes(StandardCharsets.UTF_8);
    }

    /** 256 bits as URL-safe base64 without padding: safe in URLs, shell and SQL literals (43 characters). */
    public String password(String platform, String purpose) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(masterKey, platform + "/" + purpose));
    }

    /** 256 bits as 64 lower-case hex digits (Django SECRET_KEY, Meilisearch master key). */
    public String hex(String platform, String purpose) {
        return HexFormat.of().formatHex(hmac(masterKey, platform + "/" + purpose));
    }

    /** A version-4-shaped UUID, e.g. the uid of the Meilisearch API key. */
    public String uuid(String platform, String purpose) {
        ByteBuffer bytes = ByteBuffer.wrap(hmac(masterKey, platform + "/" + purpose));
        long most = (bytes.getLong() & ~0xF000L) | 0x4000L;
        long least = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /**
     * The API key Meilisearch itself computes for a key uid: HMAC-SHA256 keyed with the master key over the
     * uid's text, in hex. Knowing it ahead lets the settings carry the key before the init job creates it.
     */
    public static String meilisearchApiKey(String masterKey, String uid) {
        return HexFormat.of().formatHex(hmac(masterKey.getBytes(StandardCharsets.UTF_8), uid));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
