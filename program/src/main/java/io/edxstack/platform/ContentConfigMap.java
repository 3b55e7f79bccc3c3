package io.edxstack.platform;

import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;

import java.util.Map;

/**
 * An immutable ConfigMap named by its content's hash ({@code <app>-<hash>}): a content change is a new ConfigMap, so
 * the pod templates that mount it change and their pods roll, while the old one stays until the rollout is done.
 */
record ContentConfigMap(String name, String hash, ConfigMap configMap) {

    static ContentConfigMap create(PlatformScope scope, String app, String component, Map<String, String> data) {
        String hash = PlatformSettings.sha256(data).substring(0, 10);
        String name = app + "-" + hash;
        var configMap = new ConfigMap(scope.name(name), ConfigMapArgs.builder()
                .metadata(scope.metadata(name, scope.labels(app, component)))
                .immutable(true)
                .data(data)
                .build(), scope.options());
        return new ContentConfigMap(name, hash, configMap);
    }
}
