package io.edxstack.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of an input so that the operator sees them all at once, not one per run. */
public final class Problems {
    private final List<Problem> problems = new ArrayList<>();

    public void add(String where, String key, String message) {
        problems.add(new Problem(where, key, message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }

    /** Throws when anything was found; call before a single resource is registered. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
