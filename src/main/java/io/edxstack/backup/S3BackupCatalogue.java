package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue as S3 holds it: one listing of the platform's folder, then the manifests it names. */
public final class S3BackupCatalogue implements BackupCatalogue {
    public static final String LATEST = "latest";

    private final BackupStore store;
    private final String prefix;

    public S3BackupCatalogue(BackupStore store, String prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    @Override
    public List<BackupManifest> completeBackups(String platform, DatabaseKind kind) {
        return inventory(platform, kind).complete();
    }

    public BackupInventory inventory(String platform, DatabaseKind kind) {
        BackupKeys keys = new BackupKeys(prefix, platform, kind);
        Map<String, StoredObject> objects = store.list(keys.folder()).stream()
                .collect(Collectors.toMap(StoredObject::key, Function.identity()));
        List<BackupManifest> complete = new ArrayList<>();
        List<StoredObject> leftovers = new ArrayList<>();
        for (StoredObject object : objects.values()) {
            Optional<BackupId> id = keys.idOf(object.key());
            if (id.isEmpty()) {
                continue;
            }
            boolean manifest = keys.isManifest(object.key());
            boolean partnerExists = objects.containsKey(manifest ? keys.dataKey(id.get()) : keys.manifestKey(id.get()));
            if (!partnerExists) {
                leftovers.add(object);
            } else if (manifest) {
                complete.add(BackupManifest.fromJson(store.getText(object.key()), object.key()));
            }
        }
        complete.sort(Comparator.comparing(BackupManifest::backupId).reversed());
        leftovers.sort(Comparator.comparing(StoredObject::key));
        return new BackupInventory(complete, leftovers, store.pendingUploads(keys.folder()));
    }

    /**
     * The newest complete backup, or the one named; fails with a hint when there is none. One listing and one
     * manifest read: a restore needs no other manifest and no multipart uploads.
     */
    public BackupManifest find(String platform, DatabaseKind kind, String selector) {
        BackupKeys keys = new BackupKeys(prefix, platform, kind);
        BackupId wanted = LATEST.equals(selector) ? null : new BackupId(selector);
        Set<String> objects = store.list(keys.folder()).stream().map(StoredObject::key).collect(Collectors.toSet());
        Optional<BackupId> found = objects.stream()
                .filter(keys::isManifest)
                .map(keys::idOf)
                .flatMap(Optional::stream)
                .filter(id -> objects.contains(keys.dataKey(id)))
                .filter(id -> wanted == null || id.equals(wanted))
                .max(Comparator.naturalOrder());
        String where = kind + " of platform " + platform + " under s3://" + store.bucket() + "/" + keys.folder();
        if (found.isEmpty()) {
            throw new BackupSettingsException(wanted == null
                    ? "no complete backup of " + where + ", perhaps run 'backup " + kind + "' first or check --s3-prefix"
                    : "no complete backup " + wanted + " of " + where + ", perhaps pick one from 'backups list'");
        }
        String manifestKey = keys.manifestKey(found.get());
        return BackupManifest.fromJson(store.getText(manifestKey), manifestKey);
    }
}
