package io.edxstack.review;

import io.edxstack.review.change.StackChanges;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a review reports, secrets already masked.
 *
 * @param stacks     the changes of each stack, from each source, in report order
 * @param violations policy and data-loss violations, mandatory first
 */
public record Review(List<StackChanges> stacks, List<StackViolation> violations) {

    /** Where the full report is published next to the job's logs. */
    public static final String HTML_REPORT = "review.html";
    public static final String ARTIFACT_NAME = "edxstack review";

    public Review {
        stacks = List.copyOf(stacks);
        violations = violations.stream()
                .sorted(Comparator.comparing((StackViolation found) -> found.violation().level())
                        .thenComparing(StackViolation::stack))
                .toList();
    }

    public long mandatoryCount() {
        return violations.stream().filter(found -> found.violation().isMandatory()).count();
    }
}
