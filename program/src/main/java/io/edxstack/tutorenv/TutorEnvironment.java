package io.edxstack.tutorenv;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One platform's environment as the pinned Tutor renders it: the files of {@code tutor config save}'s
 * {@code env/} that edxstack deploys ({@code apps/**}, plugins' {@code apps/**}, and {@code k8s/*.yml}, Tutor's
 * reference manifests), the full config and Tutor's init tasks in its order.
 *
 * @param files     path under Tutor's env/ (e.g. {@code apps/openedx/uwsgi.ini}) to rendered text
 * @param config    the rendered Tutor config (placeholders for secrets)
 * @param initTasks in the order {@code tutor k8s do init} runs them
 * @param plugins   the plugins that were loaded
 */
public record TutorEnvironment(Map<String, String> files, JsonNode config, List<InitTask> initTasks,
                               List<String> plugins) {

    /** One of Tutor's init tasks: the app that declared it (mysql, meilisearch, lms, cms or a plugin), the service
     *  whose container runs it, and the rendered script. */
    public record InitTask(String app, String service, String script) {
    }

    public TutorEnvironment {
        files = Map.copyOf(files);
        initTasks = List.copyOf(initTasks);
        plugins = List.copyOf(plugins);
    }

    public String file(String path) {
        return Optional.ofNullable(files.get(path)).orElseThrow(() ->
                new TutorException("Tutor rendered no " + path + " (rendered: " + new java.util.TreeSet<>(files.keySet()) + ")"));
    }

    public Optional<String> optionalFile(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public String configText(String key) {
        JsonNode value = config.path(key);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }
}
