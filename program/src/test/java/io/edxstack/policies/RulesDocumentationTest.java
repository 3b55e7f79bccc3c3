package io.edxstack.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edxstack.review.ReviewMaker;
import io.edxstack.review.guard.DataLossGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator's rules table stays in step with the rules the code runs. */
class RulesDocumentationTest {

    @Test
    void docsRulesTable_listsEveryRuleWithItsDefaultLevel() throws IOException {
        String docs = Files.readString(Path.of("docs/review-and-deploy.md"));
        List<String> missing = new ArrayList<>();
        for (PolicyRule rule : RuleCatalog.all()) {
            if (!docs.contains("| `" + rule.id() + "` | " + rule.defaultLevel().label() + " |")) {
                missing.add(rule.id() + " (" + rule.defaultLevel().label() + ")");
            }
        }
        for (String changeRule : List.of(DataLossGuard.DATA_LOSS_RULE, DataLossGuard.TEMPLATE_RULE,
                ReviewMaker.PREVIEW_FAILED_RULE)) {
            if (!docs.contains("| `" + changeRule + "` |")) {
                missing.add(changeRule);
            }
        }
        assertEquals(List.of(), missing);
    }
}
