package io.edxstack.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.testing.TestProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real schema of the Terraform OpenStack provider that pulumi-openstack bridges, as {@code engine/openstack-schema}
 * prints it: the provider compiled from its Go module and asked for its schema in-process. {@code scripts/engine-tools
 * build openstack-schema} writes it into the engine cache; the path is asked of the script, so the cache layout is
 * written down once.
 */
record TerraformSchema(JsonNode root, Path file) {
    static final String TOOL = "openstack-schema";
    static final String FILE = "schema.json";

    static TerraformSchema locate() {
        return locate(Map.of());
    }

    /** As {@link #locate()}, with extra environment for the script (e.g. {@code EDXSTACK_ENGINE_CACHE}). */
    static TerraformSchema locate(Map<String, String> environment) {
        Path file = Path.of(engineToolsDir(environment).strip()).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing, perhaps run 'bash scripts/engine-tools build " + TOOL
                    + "' first (it builds the Terraform OpenStack provider from its Go module, a few minutes cold)");
        }
        try {
            return new TerraformSchema(new ObjectMapper().readTree(file.toFile()), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The provider module's version the tool was compiled with, e.g. {@code v3.4.0}. */
    String version() {
        return root.path("version").asText();
    }

    JsonNode resource(String terraformName) {
        return root.path("resources").path(terraformName);
    }

    JsonNode provider() {
        return root.path("provider");
    }

    private static String engineToolsDir(Map<String, String> environment) {
        List<String> command = List.of("bash", TestProject.REPOSITORY.resolve("scripts/engine-tools").toString(), "dir", TOOL);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
