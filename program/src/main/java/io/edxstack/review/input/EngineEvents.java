package io.edxstack.review.input;

import java.util.regex.Pattern;

/**
 * Recognises the engine's event stream ({@code pulumi preview --event-log FILE}, or {@code --json} with
 * {@code PULUMI_EXPERIMENTAL} streaming): one JSON object per line, each with a {@code sequence} and one
 * {@code ...Event} member. The review refuses it with a message that says what it expected instead.
 */
final class EngineEvents {
    private static final Pattern FIRST_EVENT = Pattern.compile(
            "\\A\\s*\\{\\s*\"(sequence|timestamp)\"\\s*:[^\\n]*\"(cancelEvent|stdoutEvent|diagnosticEvent|preludeEvent"
                    + "|summaryEvent|resourcePreEvent|resOutputsEvent|resOpFailedEvent|policyEvent|engineEvent"
                    + "|startDebuggingEvent|progressEvent)\"");

    private EngineEvents() {
    }

    static boolean looksLikeEventLog(String text) {
        return FIRST_EVENT.matcher(text).lookingAt();
    }
}
