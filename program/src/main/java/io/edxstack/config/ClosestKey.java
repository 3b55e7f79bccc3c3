package io.edxstack.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the valid key an operator probably meant, so a typo's error message carries its fix. */
public final class ClosestKey {
    private ClosestKey() {
    }

    /** The closest candidate by edit distance, if it is close enough to be a plausible typo. */
    public static Optional<String> among(String typed, Collection<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(typed.toLowerCase(), c.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()))
                .filter(best -> distance(typed.toLowerCase(), best.toLowerCase()) <= Math.max(2, best.length() / 3));
    }

    /** "unknown key, perhaps X" or just "unknown key". */
    public static String unknownKeyMessage(String typed, Collection<String> candidates) {
        return among(typed, candidates)
                .map(best -> "unknown key, perhaps '" + best + "'")
                .orElse("unknown key; valid keys are " + String.join(", ", candidates.stream().sorted().toList()));
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
