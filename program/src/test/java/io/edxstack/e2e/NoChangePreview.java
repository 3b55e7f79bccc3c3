package io.edxstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code pulumi preview --json} changes, without the re-run of init Jobs that never finished: the program marks
 * them {@code pulumi.com/replaceUnready}, so the provider replaces an unfinished Job on every run, and against an API
 * server without a kubelet none ever finishes. After an {@code up} everything else must be {@code same}.
 */
final class NoChangePreview {
    private NoChangePreview() {
    }

    static List<JsonNode> changes(JsonNode preview) {
        List<JsonNode> changed = new ArrayList<>();
        preview.get("steps").forEach(step -> {
            String op = step.get("op").asText();
            boolean unfinishedJob = step.get("urn").asText().contains("kubernetes:batch/v1:Job::")
                    && op.equals("replace")
                    && step.at("/newState/inputs/metadata/annotations/pulumi.com~1replaceUnready").asText().equals("true");
            if (!op.equals("same") && !op.equals("read") && !unfinishedJob) {
                changed.add(step);
            }
        });
        return changed;
    }
}
