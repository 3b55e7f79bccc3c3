package io.edxstack.tutor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an import produced: the catalogue entry, the settings overrides, and what the operator must know.
 *
 * @param platform      the platform file's content ({@code stacks/platforms/<name>.yaml})
 * @param settings      the settings overrides ({@code <name>.settings.json}), if any
 * @param mapped        Tutor key -> where it went
 * @param notMapped     Tutor key -> why it was not taken over
 * @param secrets       Tutor secret key -> what edxstack does instead (no value)
 * @param commands      commands for the operator to run: they read secret values from the Tutor file
 * @param pluginFiles   YAML plugins of the Tutor installation to copy into the repository: name -> text
 */
public record ImportReport(Map<String, Object> platform, Optional<Map<String, Object>> settings,
                           Map<String, String> mapped, Map<String, String> notMapped,
                           Map<String, String> secrets, List<String> commands, Map<String, String> pluginFiles) {
}
