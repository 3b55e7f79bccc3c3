package io.edxstack.review.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trailers of a commit message, the one parser for every footer edxstack reads
 * ({@code Allow-Replace:}, {@code Region-Down:}). Only the trailer block counts: the last paragraph,
 * where every line is a {@code Key: value} trailer, a continuation line or git's "(cherry picked
 * from ...)"; a mention in the body counts for nothing. Keys match regardless of case; one trailer
 * may list several values separated by commas.
 *
 * <p>Run as {@code java -cp edxstack.jar io.edxstack.review.guard.CommitTrailers KEY FILE}, it prints
 * the values of KEY in the commit message FILE, one per line (the deploy jobs read Region-Down so).
 */
public final class CommitTrailers {

    private static final Pattern TRAILER = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9-]*)\\s*:\\s*(.*)$");

    private final List<String[]> trailers;

    private CommitTrailers(List<String[]> trailers) {
        this.trailers = trailers;
    }

    public static CommitTrailers parse(String message) {
        return new CommitTrailers(trailerBlock(message));
    }

    /** The values of every trailer with this key, comma-separated lists split, in order, without repeats. */
    public Set<String> values(String key) {
        Set<String> values = new LinkedHashSet<>();
        for (String[] trailer : trailers) {
            if (trailer[0].toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                for (String value : trailer[1].split(",")) {
                    if (!value.isBlank()) {
                        values.add(value.strip());
                    }
                }
            }
        }
        return values;
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

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CommitTrailers KEY COMMIT_MESSAGE_FILE");
            System.exit(2);
        }
        parse(Files.readString(Path.of(args[1]))).values(args[0]).forEach(System.out::println);
    }
}
