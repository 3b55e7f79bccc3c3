package io.edxstack.policies;

import java.nio.file.Path;

/** The policy-set file cannot be used; names the file and the key at fault. */
public final class PolicySetException extends RuntimeException {

    private final transient Path file;
    private final String key;

    public PolicySetException(Path file, String key, String problem) {
        super(file + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
        this.file = file;
        this.key = key;
    }

    public PolicySetException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.key = "";
    }

    public Path file() {
        return file;
    }

    /** The dotted key at fault, e.g. {@code rules.image-registry.level}; empty for the whole file. */
    public String key() {
        return key;
    }
}
