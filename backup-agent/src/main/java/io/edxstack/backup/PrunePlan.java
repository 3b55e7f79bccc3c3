package io.edxstack.backup;

import java.util.List;

/** What prune keeps (and why), and what it removes. */
public record PrunePlan(List<Kept> kept, List<BackupManifest> expired, List<StoredObject> leftovers,
                        List<PendingUpload> staleUploads) {

    public PrunePlan {
        kept = List.copyOf(kept);
        expired = List.copyOf(expired);
        leftovers = List.copyOf(leftovers);
        staleUploads = List.copyOf(staleUploads);
    }

    /** A complete backup prune keeps, with the rule that keeps it. */
    public record Kept(BackupManifest backup, String reason) {
    }
}
