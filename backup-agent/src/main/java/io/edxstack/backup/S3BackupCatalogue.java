package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue as S3 holds it: one listing of the platform's folder, then the manifests it names. */
public final class S3BackupCatalogue implements BackupCatalogue {
    public static final String LATEST = "latest";

    private final BackupStore store;
    private final String prefix;
    /** Per backup id, its manifest when it passed the checks or why not: each is read and HEADed once. */
    private final Map<BackupId, Object> checked = new HashMap<>();

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
     * Every complete backup checked: its manifest readable, its data object as large as the manifest says, both in
     * the listing and in a HEAD of the object. Sizes only: the SHA-256 is checked by reading the object (restore,
     * {@code backups verify}).
     */
    @Override
    public CheckedBackups checkedBackups(String platform, DatabaseKind kind) {
        BackupKeys keys = new BackupKeys(prefix, platform, kind);
        Map<String, StoredObject> objects = listing(keys);
        List<BackupManifest> usable = new ArrayList<>();
        List<CheckedBackups.Rejected> rejected = new ArrayList<>();
        for (BackupId id : completeIds(keys, objects)) {
            check(keys, id, objects).ifPresent(usable::add);
            problem(keys, id, objects).ifPresent(reason -> rejected.add(new CheckedBackups.Rejected(id.value(), reason)));
        }
        return new CheckedBackups(usable, rejected);
    }

    /**
     * The newest complete backup whose data object matches its manifest's size, or the one named (refused when it
     * does not match); fails with a hint when there is none. Newer backups that fail the check are skipped and
     * reported to {@code log}. One listing, then a manifest read and a HEAD per backup looked at.
     */
    public BackupManifest find(String platform, DatabaseKind kind, String selector, AgentLog log) {
        BackupKeys keys = new BackupKeys(prefix, platform, kind);
        BackupId wanted = LATEST.equals(selector) ? null : new BackupId(selector);
        Map<String, StoredObject> objects = listing(keys);
        String where = kind + " of platform " + platform + " under s3://" + store.bucket() + "/" + keys.folder();
        List<String> skipped = new ArrayList<>();
        for (BackupId id : completeIds(keys, objects)) {
            if (wanted != null && !id.equals(wanted)) {
                continue;
            }
            Optional<BackupManifest> manifest = check(keys, id, objects);
            if (manifest.isPresent()) {
                if (!skipped.isEmpty()) {
                    log.info("using backup " + id + ", the newest whose data object matches its manifest; skipped "
                            + String.join(", ", skipped));
                }
                return manifest.get();
            }
            String reason = id + " (" + problem(keys, id, objects).orElse("unusable") + ")";
            if (wanted != null) {
                throw new BackupSettingsException("backup " + reason + " of " + where + " cannot be restored, "
                        + "perhaps pick another from 'backups list'");
            }
            skipped.add(reason);
        }
        if (wanted != null) {
            throw new BackupSettingsException("no complete backup " + wanted + " of " + where
                    + ", perhaps pick one from 'backups list'");
        }
        throw new BackupSettingsException(skipped.isEmpty()
                ? "no complete backup of " + where + ", perhaps run 'backup " + kind + "' first or check --s3-prefix"
                : "no usable backup of " + where + ": " + String.join(", ", skipped));
    }

    /** As {@link #find(String, DatabaseKind, String, AgentLog)}, skipped backups logged to stderr. */
    public BackupManifest find(String platform, DatabaseKind kind, String selector) {
        return find(platform, kind, selector, AgentLog.stderr());
    }

    private Map<String, StoredObject> listing(BackupKeys keys) {
        return store.list(keys.folder()).stream().collect(Collectors.toMap(StoredObject::key, Function.identity()));
    }

    /** Backups with both a manifest and a data object, newest first. */
    private static List<BackupId> completeIds(BackupKeys keys, Map<String, StoredObject> objects) {
        return objects.keySet().stream()
                .filter(keys::isManifest)
                .map(keys::idOf)
                .flatMap(Optional::stream)
                .filter(id -> objects.containsKey(keys.dataKey(id)))
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    /** The manifest when the backup passes the size checks. */
    private Optional<BackupManifest> check(BackupKeys keys, BackupId id, Map<String, StoredObject> objects) {
        Object result = checked.computeIfAbsent(id, unused -> examine(keys, id, objects));
        return result instanceof BackupManifest manifest ? Optional.of(manifest) : Optional.empty();
    }

    private Optional<String> problem(BackupKeys keys, BackupId id, Map<String, StoredObject> objects) {
        Object result = checked.computeIfAbsent(id, unused -> examine(keys, id, objects));
        return result instanceof String reason ? Optional.of(reason) : Optional.empty();
    }

    /** A manifest, or the reason the backup is unusable. */
    private Object examine(BackupKeys keys, BackupId id, Map<String, StoredObject> objects) {
        String manifestKey = keys.manifestKey(id);
        BackupManifest manifest;
        String text = store.getText(manifestKey);
        try {
            manifest = BackupManifest.fromJson(text, manifestKey);
        } catch (BackupException e) {
            return "manifest unreadable: " + e.getMessage();
        }
        String dataKey = keys.dataKey(id);
        long listed = objects.get(dataKey).size();
        if (listed != manifest.size()) {
            return "data object holds " + listed + " bytes, its manifest says " + manifest.size();
        }
        long head = store.sizeOf(dataKey);
        if (head != manifest.size()) {
            return "data object holds " + head + " bytes (HEAD), its manifest says " + manifest.size();
        }
        return manifest;
    }
}
