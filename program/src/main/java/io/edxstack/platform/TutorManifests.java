package io.edxstack.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edxstack.tutorenv.TutorEnvironment;
import io.edxstack.tutorenv.TutorException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tutor's reference Kubernetes manifests for a platform ({@code k8s/*.yml} of its environment), read as objects:
 * where edxstack takes a value from them (the workers' celery arguments) and what the parity test compares with.
 */
final class TutorManifests {
    static final List<String> FILES = List.of("k8s/deployments.yml", "k8s/jobs.yml", "k8s/services.yml");
    private static final YAMLMapper YAML = io.edxstack.reading.Mappers.yaml().build();

    private final List<JsonNode> objects;

    private TutorManifests(List<JsonNode> objects) {
        this.objects = List.copyOf(objects);
    }

    static TutorManifests of(TutorEnvironment tutor) {
        List<JsonNode> objects = new ArrayList<>();
        for (String file : FILES) {
            try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(tutor.file(file))) {
                while (documents.hasNext()) {
                    JsonNode object = documents.next();
                    if (object != null && object.hasNonNull("kind")) {
                        objects.add(object);
                    }
                }
            } catch (IOException e) {
                throw new TutorException("Tutor's " + file + " is not YAML: " + e.getMessage(), e);
            }
        }
        return new TutorManifests(objects);
    }

    List<JsonNode> all() {
        return objects;
    }

    Optional<JsonNode> find(String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.at("/metadata/name").asText()))
                .findFirst();
    }

    /** The first container of a Deployment or Job of Tutor's, which must exist. */
    JsonNode container(String kind, String name) {
        JsonNode object = find(kind, name).orElseThrow(() ->
                new TutorException("Tutor's manifests have no " + kind + " " + name));
        return object.at("/spec/template/spec/containers/0");
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
