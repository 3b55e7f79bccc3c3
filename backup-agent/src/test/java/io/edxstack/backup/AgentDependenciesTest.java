package io.edxstack.backup;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's side stays apart from the Pulumi program, so that it can become a slim jar of its own: no class of
 * io.edxstack.backup, its vocabulary package or the agent's commands refers to com.pulumi, nor to an edxstack
 * package outside the agent's. Read from the compiled classes (their constant pools), so a fully qualified name in
 * the code counts as much as an import.
 */
class AgentDependenciesTest {
    private static final Pattern REFERENCE = Pattern.compile("(com/pulumi|io/edxstack)/[A-Za-z0-9_/$]+");
    /** The agent's commands and the CLI plumbing they need (picocli converters, options, the error handler). */
    private static final Set<String> AGENT_CLI = Set.of("BackupCommand", "BackupsCommand", "RestoreCommand",
            "BackupDatabaseOptions", "BackupDurationConverter", "BackupKindConverter", "BackupPlatformOptions",
            "BackupSecrets", "BackupSizeConverter", "S3CopyOptions", "S3CredentialOptions", "S3Options", "CdsTraining",
            "ShortErrorHandler", "VersionProvider");
    // The reading policy (one Jackson configuration) is shared by both sides, as the vocabulary is.
    private static final List<String> ALLOWED = List.of("io/edxstack/backup/contract/", "io/edxstack/cli/",
            "io/edxstack/reading/");

    @Test
    void agentClasses_referNeitherPulumiNorTheProgramsPackages() throws IOException, URISyntaxException {
        Path classes = Path.of(BackupAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> agentClasses = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes.resolve("io/edxstack/backup"))) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(agentClasses::add);
        }
        try (Stream<Path> files = Files.list(classes.resolve("io/edxstack/backup/contract"))) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(agentClasses::add);
        }
        try (Stream<Path> files = Files.list(classes.resolve("io/edxstack/cli"))) {
            files.filter(p -> AGENT_CLI.contains(p.getFileName().toString().replaceAll("[$.].*", "")))
                    .forEach(agentClasses::add);
        }
        assertThat(agentClasses).hasSizeGreaterThan(60);

        Set<String> violations = new TreeSet<>();
        for (Path file : agentClasses) {
            for (String reference : references(file)) {
                if (!allowed(reference)) {
                    violations.add(classes.relativize(file) + " -> " + reference);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void checker_catchesAProgramClassReference() throws IOException, URISyntaxException {
        // The program's backup schedule must fail the rule: proof that the reader sees what classes refer to.
        Path classes = Path.of(BackupAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> references = references(classes.resolve("io/edxstack/backup/schedule/BackupSchedule.class"));
        assertThat(references).anyMatch(r -> r.startsWith("com/pulumi/"));
        assertThat(references).filteredOn(r -> !allowed(r)).isNotEmpty();
    }

    private static boolean allowed(String reference) {
        if (reference.startsWith("com/pulumi/")) {
            return false;
        }
        if (reference.startsWith("io/edxstack/cli/")) {
            String name = reference.substring("io/edxstack/cli/".length()).replaceAll("[$].*", "");
            return AGENT_CLI.contains(name) || name.equals("EdxstackCli");
        }
        if (reference.matches("io/edxstack/backup/[A-Za-z0-9_$]+")) {
            return true;
        }
        return ALLOWED.stream().filter(p -> !p.equals("io/edxstack/cli/")).anyMatch(reference::startsWith);
    }

    /** The edxstack and Pulumi class names in a class file's constant pool (class entries and descriptors). */
    private static Set<String> references(Path classFile) throws IOException {
        Set<String> found = new TreeSet<>();
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != 0xCAFEBABE) {
                throw new IOException(classFile + " is not a class file");
            }
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> {
                        Matcher matcher = REFERENCE.matcher(data.readUTF());
                        while (matcher.find()) {
                            found.add(matcher.group());
                        }
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                    case 5, 6 -> {
                        data.skipBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> data.skipBytes(2);
                    case 15 -> data.skipBytes(3);
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
        }
        return found;
    }
}
