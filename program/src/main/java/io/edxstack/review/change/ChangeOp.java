package io.edxstack.review.change;

import java.util.Locale;

/** What a deployment would do to one resource, after folding Pulumi's replacement steps into one. */
public enum ChangeOp {
    CREATE,
    UPDATE,
    REPLACE,
    DELETE,
    SAME,
    /** read, refresh, import and discard steps: they touch no cloud resource. */
    OTHER,
    /** A step op this version of edxstack does not know: shown, and it needs a reviewer's judgement. */
    UNKNOWN;

    /** The op of one {@code pulumi preview --json} step. */
    public static ChangeOp fromPreviewStep(String op) {
        return switch (op) {
            case "create" -> CREATE;
            case "update" -> UPDATE;
            case "replace", "create-replacement", "delete-replaced" -> REPLACE;
            case "delete" -> DELETE;
            case "same" -> SAME;
            case "read", "read-replacement", "refresh", "import", "import-replacement", "discard", "discard-replaced",
                 "remove-pending-replace" -> OTHER;
            default -> UNKNOWN;
        };
    }

    /** Whether the op destroys the resource as it exists now. */
    public boolean destroys() {
        return this == REPLACE || this == DELETE;
    }

    public String label() {
        return this == UNKNOWN ? "unknown op" : name().toLowerCase(Locale.ROOT);
    }
}
