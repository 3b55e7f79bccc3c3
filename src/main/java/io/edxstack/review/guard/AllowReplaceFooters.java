package io.edxstack.review.guard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Allow-Replace:} footers of a commit message: the resources whose loss its author and
 * reviewers accept. Only footers in the trailer block count (the last paragraph, where every line is
 * a {@code Key: value} trailer, a continuation, or git's "(cherry picked from ...)"), so a mention in
 * the body's prose allows nothing. The key's case does not matter; one footer may name several
 * resources separated by commas; a resource is named by its logical name or its URN.
 */
public record AllowReplaceFooters(Set<String> allowed) {

    public static final String KEY = "Allow-Replace";
    private static final Pattern TRAILER = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9-]*)\\s*:\\s*(.*)$");

    public AllowReplaceFooters {
        allowed = Set.copyOf(allowed);
    }

    public static AllowReplaceFooters none() {
        return new AllowReplaceFooters(Set.of());
    }

    public static AllowReplaceFooters parse(String message) {
        Set<String> allowed = new LinkedHashSet<>();
        for (String[] trailer : trailerBlock(message)) {
            if (trailer[0].toLowerCase(Locale.ROOT).equals(KEY.toLowerCase(Locale.ROOT))) {
                for (String name : trailer[1].split(",")) {
                    if (!name.isBlank()) {
                        allowed.add(name.strip());
                    }
                }
            }
        }
        return new AllowReplaceFooters(allowed);
    }

    /** The footer value that allows this resource's loss, if any. */
    public Optional<String> allowing(String name, String urn) {
        return allowed.stream().filter(value -> value.equals(name) || value.equals(urn)).findFirst();
    }

    private static List<String[]> trailerBlock(String message) {
        List<String> lines = new ArrayList<>(message.strip().lines().toList());
        int start = lines.size();
        while (start > 0 && !lines.get(start - 1).isBlank()) {
            start--;
        }
        // The first paragraph is the subject line and body, never trailers.
        if (start == 0) {
            return List.of();
        }
        List<String[]> trailers = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            Matcher matcher = TRAILER.matcher(line);
            if (matcher.matches()) {
                trailers.add(new String[] {matcher.group(1), matcher.group(2)});
            } else if (line.startsWith(" ") || line.startsWith("\t")) {
                if (trailers.isEmpty()) {
                    return List.of();
                }
                String[] last = trailers.get(trailers.size() - 1);
                last[1] = last[1] + " " + line.strip();
            } else if (!line.startsWith("(cherry picked from commit ")) {
                return List.of();
            }
        }
        return trailers;
    }
}
