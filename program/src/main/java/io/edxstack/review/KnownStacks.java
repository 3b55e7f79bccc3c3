package io.edxstack.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.policies.StackRole;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stacks of the repository and their roles, read from {@code Pulumi.<stack>.yaml}
 * ({@code edxstack:role}). Without a repository at hand, the pair this project runs.
 */
public record KnownStacks(Map<String, StackRole> roles) {

    private static final ObjectMapper YAML = io.edxstack.reading.Mappers.ownYaml().build();

    public KnownStacks {
        roles = Map.copyOf(roles);
    }

    public static KnownStacks defaults() {
        return new KnownStacks(Map.of("prod-primary", StackRole.ACTIVE, "prod-dr", StackRole.STANDBY));
    }

    /** The stacks whose files are in {@code root}; a stack file without a valid role is an error. */
    public static KnownStacks from(Path root) {
        Map<String, StackRole> roles = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "Pulumi.*.yaml")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String stack = name.substring("Pulumi.".length(), name.length() - ".yaml".length());
                String role = YAML.readTree(file.toFile()).path("config").path("edxstack:role").asText("");
                StackRole parsed = StackRole.parse(role);
                if (parsed == null) {
                    throw new ReviewInputException(file, "config.edxstack:role is '" + role
                            + "', perhaps active or standby");
                }
                roles.put(stack, parsed);
            }
        } catch (IOException unreadable) {
            throw new ReviewInputException(root, "cannot read the stack files (" + unreadable.getMessage()
                    + "), perhaps --catalogue-root is not the repository root");
        }
        return roles.isEmpty() ? defaults() : new KnownStacks(roles);
    }

    public StackRole require(String stack, String where) {
        StackRole role = roles.get(stack);
        if (role == null) {
            throw new UnknownStackException(stack, where, roles.keySet());
        }
        return role;
    }
}
