package io.edxstack.platform;

import io.edxstack.config.PlatformSpec;
import io.edxstack.config.PlatformSpec.ContainerSize;
import io.edxstack.config.PlatformSpec.Resources;

import java.util.Map;

/**
 * Requests and limits of each kind of container: the catalogue's {@code resources.<component>} when set,
 * otherwise these defaults, sized for a mid-size platform (Tutor states none).
 */
final class ContainerSizes {
    private static final Map<String, ContainerSize> DEFAULTS = Map.ofEntries(
            Map.entry("lms", size("500m", "1Gi", "2", "2Gi")),
            Map.entry("cms", size("250m", "1Gi", "2", "2Gi")),
            Map.entry("lmsWorker", size("250m", "768Mi", "1", "1536Mi")),
            Map.entry("cmsWorker", size("250m", "768Mi", "1", "1536Mi")),
            Map.entry("jobs", size("250m", "1Gi", "2", "2Gi")),
            Map.entry("mfe", size("50m", "64Mi", "500m", "256Mi")),
            Map.entry("caddy", size("50m", "64Mi", "1", "256Mi")),
            Map.entry("reloader", size("10m", "16Mi", "100m", "32Mi")),
            Map.entry("mysql", size("500m", "1Gi", "2", "2Gi")),
            Map.entry("mongodb", size("250m", "512Mi", "1", "1Gi")),
            Map.entry("redis", size("100m", "128Mi", "500m", "512Mi")),
            Map.entry("meilisearch", size("100m", "256Mi", "1", "1Gi")),
            Map.entry("smtp", size("10m", "32Mi", "200m", "128Mi")));

    private ContainerSizes() {
    }

    static ContainerSize of(PlatformSpec spec, String component) {
        ContainerSize size = spec.resources().get(component);
        return size != null ? size : DEFAULTS.get(component);
    }

    private static ContainerSize size(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
        return new ContainerSize(new Resources(cpuRequest, memoryRequest), new Resources(cpuLimit, memoryLimit));
    }
}
