package io.edxstack.review.guard;

import java.util.Optional;
import java.util.Set;

/**
 * The {@code Allow-Replace:} footers of a commit message: the resources whose loss its author and
 * reviewers accept, read by {@link CommitTrailers} (trailer block only, so a mention in the body's
 * prose allows nothing). A resource is named by its logical name or its URN.
 */
public record AllowReplaceFooters(Set<String> allowed) {

    public static final String KEY = "Allow-Replace";

    public AllowReplaceFooters {
        allowed = Set.copyOf(allowed);
    }

    public static AllowReplaceFooters none() {
        return new AllowReplaceFooters(Set.of());
    }

    public static AllowReplaceFooters parse(String message) {
        return new AllowReplaceFooters(CommitTrailers.parse(message).values(KEY));
    }

    /** The footer value that allows this resource's loss, if any. */
    public Optional<String> allowing(String name, String urn) {
        return allowed.stream().filter(value -> value.equals(name) || value.equals(urn)).findFirst();
    }
}
