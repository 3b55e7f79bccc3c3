package io.edxstack.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import io.edxstack.config.PlatformSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The LMS and CMS settings as ConfigMaps named by their content's hash ({@code lms-settings-<hash>}): a
 * settings change is a new ConfigMap, so the Deployments' pod templates change and the pods roll, and
 * the old ConfigMap stays until the rollout is done. Immutable, since a name never gets new content.
 */
final class PlatformSettings {
    /** Where the settings and the settings module are mounted; on PYTHONPATH. */
    static final String MOUNT = "/openedx/edxstack";
    private static final YAMLMapper YAML = io.edxstack.config.Mappers.yaml()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final String COMMON_MODULE = "edxstack_common.py";
    /** The settings modules: constant Python shipped in the jar, read once. */
    private static final Map<String, String> MODULES = Map.of(
            COMMON_MODULE, resource(COMMON_MODULE),
            "edxstack_lms.py", resource("edxstack_lms.py"),
            "edxstack_cms.py", resource("edxstack_cms.py"));

    final Service lms;
    final Service cms;

    /** One service's settings: the ConfigMap, its name and the hash that named it. */
    record Service(String variant, String configMapName, String hash, ConfigMap configMap) {
        String settingsFile() {
            return MOUNT + "/" + variant + ".yml";
        }

        String settingsModule() {
            return "edxstack_" + variant;
        }
    }

    PlatformSettings(PlatformScope scope) {
        PlatformSpec spec = scope.spec();
        ServiceEndpoints endpoints = ServiceEndpoints.of(spec);
        var media = scope.stack().workloads().media();
        lms = service(scope, "lms", DjangoSettings.lms(spec, endpoints, media));
        cms = service(scope, "cms", DjangoSettings.cms(spec, endpoints, media));
    }

    /** The merged settings of one service as the ConfigMap holds them; public for tests and reviews. */
    static ObjectNode merged(PlatformSpec spec, String variant, ObjectNode rendered) {
        var overrides = spec.settingsOverrides().get(variant);
        return overrides instanceof ObjectNode overlay ? JsonMerge.merge(rendered, overlay) : rendered;
    }

    private static Service service(PlatformScope scope, String variant, ObjectNode rendered) {
        Map<String, String> data = new TreeMap<>();
        data.put(variant + ".yml", yaml(merged(scope.spec(), variant, rendered)));
        data.put(COMMON_MODULE, MODULES.get(COMMON_MODULE));
        data.put("edxstack_" + variant + ".py", MODULES.get("edxstack_" + variant + ".py"));
        String hash = sha256(data).substring(0, 10);
        String name = variant + "-settings-" + hash;
        var configMap = new ConfigMap(scope.name(name), ConfigMapArgs.builder()
                .metadata(scope.metadata(name, scope.labels(variant + "-settings", "settings")))
                .immutable(true)
                .data(data)
                .build(), scope.options());
        return new Service(variant, name, hash, configMap);
    }

    static String yaml(ObjectNode settings) {
        try {
            return YAML.writeValueAsString(YAML.convertValue(settings, TreeMap.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write settings as YAML", e);
        }
    }

    /** SHA-256 over the ConfigMap's files in key order: the same content always gives the same name. */
    static String sha256(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(files).forEach((key, value) -> {
                digest.update(key.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = PlatformSettings.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name + ", perhaps rebuild it with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
