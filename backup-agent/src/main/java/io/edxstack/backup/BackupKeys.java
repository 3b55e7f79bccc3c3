package io.edxstack.backup;

import io.edxstack.backup.contract.BucketLayout;
import io.edxstack.backup.contract.DatabaseKind;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where one platform's backups of one database kind live:
 * {@code <prefix>/<platform>/<kind>/<id>.<ext>.zst} and {@code <id>.manifest.json} beside it.
 */
public record BackupKeys(String prefix, String platform, DatabaseKind kind) {
    private static final Pattern PLATFORM_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    static final String MANIFEST_SUFFIX = BucketLayout.MANIFEST_SUFFIX;

    public BackupKeys {
        if (!PLATFORM_NAME.matcher(platform).matches()) {
            throw new BackupSettingsException("platform name '" + platform + "' (--platform) is not a DNS label, "
                    + "perhaps use lower-case letters, digits and '-'");
        }
        prefix = trimSlashes(prefix);
    }

    /** The folder, ending with '/', that holds this platform's backups of this kind. */
    public String folder() {
        return BucketLayout.folder(prefix, platform, kind);
    }

    public String dataKey(BackupId id) {
        return folder() + BucketLayout.dataName(id.value(), kind);
    }

    public String manifestKey(BackupId id) {
        return folder() + BucketLayout.manifestName(id.value());
    }

    /** The backup a key in {@link #folder()} belongs to, if it is a data object or manifest of this layout. */
    public Optional<BackupId> idOf(String key) {
        if (!key.startsWith(folder())) {
            return Optional.empty();
        }
        String name = key.substring(folder().length());
        int dot = name.indexOf('.');
        if (dot < 0 || !BackupId.looksLikeId(name.substring(0, dot))) {
            return Optional.empty();
        }
        BackupId id = new BackupId(name.substring(0, dot));
        return key.equals(dataKey(id)) || key.equals(manifestKey(id)) ? Optional.of(id) : Optional.empty();
    }

    public boolean isManifest(String key) {
        return key.endsWith(MANIFEST_SUFFIX);
    }

    private static String trimSlashes(String text) {
        String trimmed = text.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
