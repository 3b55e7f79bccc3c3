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
    OTHER;

    /** The op of one {@code pulumi preview --json} step. */
    public static ChangeOp fromPreviewStep(String op) {
        return switch (op) {
            case "create" -> CREATE;
            case "update" -> UPDATE;
            case "replace", "create-replacement", "delete-replaced" -> REPLACE;
            case "delete" -> DELETE;
            case "same" -> SAME;
            default -> OTHER;
        };
    }

    /** Whether the op destroys the resource as it exists now. */
    public boolean destroys() {
        return this == REPLACE || this == DELETE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
