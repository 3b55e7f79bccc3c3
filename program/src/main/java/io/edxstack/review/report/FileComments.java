package io.edxstack.review.report;

import io.edxstack.review.Review;
import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.review.change.StackChanges;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Review comments on the catalogue and stack-file lines that caused each change, in the shape of
 * Zuul's {@code zuul.file_comments}. The same line's notes are merged into one comment, capped so a
 * new platform does not produce a wall of text; identical notes from the preview and the desired diff
 * appear once.
 */
public final class FileComments {

    /** One comment: Zuul's {@code {line, message, level}}. */
    public record Comment(int line, String message, String level) {
    }

    static final int NOTES_PER_COMMENT = 12;

    private FileComments() {
    }

    /**
     * @param root         the repository root holding the catalogue and stack files
     * @param changedFiles files the change touches, or null to comment on any file (Zuul drops, with a
     *                     warning, comments on files outside the change)
     */
    public static Map<String, List<Comment>> build(Review review, Path root, Set<String> changedFiles) {
        SourceLocator locator = new SourceLocator(root);
        Map<String, Map<Integer, Set<String>>> notes = new TreeMap<>();
        Map<String, Map<Integer, Boolean>> destroying = new TreeMap<>();
        for (StackChanges stack : review.stacks()) {
            for (ResourceChange change : stack.changes()) {
                List<PropertyChange> properties = change.properties().isEmpty() || change.op() == ChangeOp.DELETE
                        ? Collections.singletonList(null) : change.properties();
                for (PropertyChange property : properties) {
                    Optional<SourceLocation> location = locator.locate(stack.stack(), change, property);
                    if (location.isEmpty() || (changedFiles != null && !changedFiles.contains(location.get().file()))) {
                        continue;
                    }
                    SourceLocation at = location.get();
                    notes.computeIfAbsent(at.file(), file -> new TreeMap<>())
                            .computeIfAbsent(at.line(), line -> new LinkedHashSet<>())
                            .add(note(stack.stack(), change, property));
                    destroying.computeIfAbsent(at.file(), file -> new TreeMap<>())
                            .merge(at.line(), change.op().destroys(), Boolean::logicalOr);
                }
            }
        }
        Map<String, List<Comment>> comments = new TreeMap<>();
        notes.forEach((file, lines) -> lines.forEach((line, texts) -> comments
                .computeIfAbsent(file, key -> new ArrayList<>())
                .add(new Comment(line, message(texts), destroying.get(file).get(line) ? "warning" : "info"))));
        return comments;
    }

    private static String note(String stack, ResourceChange change, PropertyChange property) {
        String subject = stack + ": " + change.op().label() + " " + change.type() + " " + change.name()
                + (change.stateful() && change.op().destroys() ? " (holds data)" : "");
        if (property == null) {
            return subject;
        }
        return subject + ": " + property.path() + " " + ValueText.shorten(ValueText.inline(property.oldValue()), 60)
                + " → " + ValueText.shorten(ValueText.inline(property.newValue()), 60);
    }

    private static String message(Set<String> texts) {
        List<String> lines = new ArrayList<>(texts);
        if (lines.size() <= NOTES_PER_COMMENT) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, NOTES_PER_COMMENT)) + "\n… and "
                + (lines.size() - NOTES_PER_COMMENT) + " more, see " + Review.HTML_REPORT;
    }
}
