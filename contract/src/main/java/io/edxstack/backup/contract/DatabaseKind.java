package io.edxstack.backup.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The databases an Open edX platform keeps, each with the label used in object keys and on the command line. */
public enum DatabaseKind {
    MYSQL("mysql", "sql"),
    MONGODB("mongodb", "archive");

    private final String label;
    private final String dumpExtension;

    DatabaseKind(String label, String dumpExtension) {
        this.label = label;
        this.dumpExtension = dumpExtension;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** File extension of the uncompressed dump: SQL text for MySQL, a mongodump archive for MongoDB. */
    public String dumpExtension() {
        return dumpExtension;
    }

    @JsonCreator
    public static DatabaseKind fromLabel(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.label.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown database kind '" + text + "', perhaps one of "
                        + Arrays.stream(values()).map(DatabaseKind::label).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return label;
    }
}
