package io.edxstack.review;

import java.util.Set;
import java.util.TreeSet;

/** A command line or input names a stack the repository does not have. */
public final class UnknownStackException extends RuntimeException {

    public UnknownStackException(String stack, String where, Set<String> known) {
        super("unknown stack '" + stack + "' in " + where + ", perhaps one of " + new TreeSet<>(known));
    }
}
