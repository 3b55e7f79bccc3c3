package io.edxstack.backup;

import io.edxstack.testing.AgentProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent is a slim jar of its own: the jar the image ships (backup-agent/target/edxstack-backup-agent.jar) and
 * the module's classpath hold no class of the Pulumi SDK, gRPC or the Kubernetes bindings, and the agent's classes
 * refer to no edxstack package but the agent's and the shared vocabulary's. Read from the built jar itself (its
 * entries and its classes' constant pools), so a dependency that drags the SDK in fails here.
 */
class AgentDependenciesTest {
    /** Packages the program's side brings (Pulumi SDK, its gRPC and protobuf transport, Kubernetes bindings). */
    private static final List<String> FORBIDDEN = List.of("com/pulumi/", "io/grpc/", "io/kubernetes/",
            "com/google/protobuf/");
    private static final Pattern REFERENCE = Pattern.compile("(com/pulumi|io/edxstack)/[A-Za-z0-9_/$]+");
    /** The agent (io.edxstack.backup and its cli), the shared vocabulary and the shared reading policy. */
    private static final Pattern ALLOWED = Pattern.compile(
            "io/edxstack/(backup/[A-Za-z0-9_$]+|backup/cli/[A-Za-z0-9_$]+|backup/contract/[A-Za-z0-9_$]+|reading/[A-Za-z0-9_$]+)");

    @Test
    void agentJar_holdsNoPulumiClass_andRunsTheAgent() throws IOException {
        Path jar = AgentProcess.jar();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS))
                    .isEqualTo(AgentProcess.MAIN_CLASS);
            List<String> entries = file.stream().map(JarEntry::getName).toList();
            assertThat(entries).contains("io/edxstack/backup/BackupAgent.class",
                    "io/edxstack/backup/cli/AgentCli.class", "io/edxstack/backup/contract/AgentEnv.class",
                    "io/edxstack/reading/Mappers.class", "software/amazon/awssdk/services/s3/S3Client.class");
            assertThat(forbidden(entries)).isEmpty();
        }
    }

    @Test
    void agentRuntimeClasspath_holdsNoPulumiClass() throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> found = new ArrayList<>();
        int entries = 0;
        for (String element : classpath.split(File.pathSeparator)) {
            Path path = Path.of(element);
            if (Files.isRegularFile(path) && element.endsWith(".jar")) {
                try (JarFile file = new JarFile(path.toFile())) {
                    List<String> names = file.stream().map(JarEntry::getName).toList();
                    entries += names.size();
                    forbidden(names).forEach(name -> found.add(path.getFileName() + "!" + name));
                }
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    List<String> names = files.map(p -> path.relativize(p).toString().replace(File.separatorChar, '/'))
                            .toList();
                    entries += names.size();
                    forbidden(names).forEach(name -> found.add(path + "!" + name));
                }
            }
        }
        assertThat(entries).as("classes on the classpath").isGreaterThan(1000);
        assertThat(found).isEmpty();
    }

    @Test
    void agentClasses_referOnlyToTheAgentAndTheSharedVocabulary() throws IOException {
        Set<String> violations = new TreeSet<>();
        int classes = 0;
        try (JarFile file = new JarFile(AgentProcess.jar().toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (entry.getName().startsWith("io/edxstack/") && entry.getName().endsWith(".class")) {
                    classes++;
                    try (InputStream in = file.getInputStream(entry)) {
                        for (String reference : references(in, entry.getName())) {
                            if (!ALLOWED.matcher(reference).matches()) {
                                violations.add(entry.getName() + " -> " + reference);
                            }
                        }
                    }
                }
            }
        }
        assertThat(classes).isGreaterThan(80);
        assertThat(violations).isEmpty();
    }

    @Test
    void checkers_catchAPulumiEntryAndAForeignReference(@TempDir Path dir) throws IOException {
        // A jar with a Pulumi class is caught by name.
        Path jar = dir.resolve("with-pulumi.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            entries.putNextEntry(new JarEntry("com/pulumi/core/Output.class"));
            entries.closeEntry();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(forbidden(file.stream().map(JarEntry::getName).toList()))
                    .containsExactly("com/pulumi/core/Output.class");
        }
        // A class referring to an edxstack package outside the agent (this test refers to io.edxstack.testing) is
        // caught by its constant pool.
        String self = AgentDependenciesTest.class.getName().replace('.', '/') + ".class";
        try (InputStream in = AgentDependenciesTest.class.getClassLoader().getResourceAsStream(self)) {
            assertThat(references(in, self)).contains("io/edxstack/testing/AgentProcess")
                    .filteredOn(r -> !ALLOWED.matcher(r).matches()).isNotEmpty();
        }
    }

    private static List<String> forbidden(List<String> entryNames) {
        return entryNames.stream().filter(name -> name.endsWith(".class"))
                .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith)).toList();
    }

    /** The edxstack and Pulumi class names in a class file's constant pool (class entries and descriptors). */
    private static Set<String> references(InputStream in, String name) throws IOException {
        Set<String> found = new TreeSet<>();
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != 0xCAFEBABE) {
            throw new IOException(name + " is not a class file");
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
                default -> throw new IOException(name + ": unknown constant pool tag " + tag);
            }
        }
        return found;
    }
}
