package io.edxstack.config;

import io.edxstack.reading.Mappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reading policy every YAML and JSON file goes through: its limits, and what it refuses. */
class DocumentsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readJson_nestedBeyondTheLimit_isRefused() throws IOException {
        Path file = write("deep.json", "[".repeat(Mappers.MAX_NESTING + 1) + "]".repeat(Mappers.MAX_NESTING + 1));

        assertThatThrownBy(() -> Documents.readJson(file)).isInstanceOf(Documents.UnreadableException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void readJson_nestedWithinTheLimit_isRead() throws IOException {
        Path file = write("deep.json", "[".repeat(Mappers.MAX_NESTING - 1) + "]".repeat(Mappers.MAX_NESTING - 1));

        assertThat(Documents.readJson(file).isArray()).isTrue();
    }

    @Test
    void readYaml_nestedBeyondTheLimit_isRefused() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int depth = 0; depth <= Mappers.MAX_NESTING; depth++) {
            yaml.append("  ".repeat(depth)).append("k").append(depth).append(":\n");
        }
        yaml.append("  ".repeat(Mappers.MAX_NESTING + 1)).append("leaf: 1\n");
        Path file = write("deep.yaml", yaml.toString());

        assertThatThrownBy(() -> Documents.readYaml(file)).isInstanceOf(Documents.UnreadableException.class)
                .hasMessageContaining("is not valid YAML");
    }

    @Test
    void readJson_stringBeyondTheLimit_isRefused() throws IOException {
        Path file = write("long.json", "{\"a\": \"" + "x".repeat(Mappers.MAX_STRING_CHARS + 1) + "\"}");

        assertThatThrownBy(() -> Documents.readJson(file)).isInstanceOf(Documents.UnreadableException.class)
                .hasMessageContaining("String value length");
    }

    @Test
    void readText_fileBeyondTheLimit_isRefusedBeforeReading() throws IOException {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(Mappers.MAX_DOCUMENT_CHARS + 1);
        }

        assertThatThrownBy(() -> Documents.readText(file)).isInstanceOf(Documents.UnreadableException.class)
                .hasMessage("is " + (Mappers.MAX_DOCUMENT_CHARS + 1) + " bytes, more than the "
                        + Mappers.MAX_DOCUMENT_CHARS + " edxstack reads");
    }

    @Test
    void decode_byteOrderMark_isDropped() {
        byte[] withBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ':', ' ', '1'};

        assertThat(Documents.decode(withBom)).isEqualTo("a: 1");
    }

    @Test
    void decode_truncatedMultiByteCharacter_namesItsBytePosition() {
        byte[] cut = "name: caf\u00e9\nx: 1".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(cut, 10);

        assertThatThrownBy(() -> Documents.decode(truncated)).isInstanceOf(Documents.UnreadableException.class)
                .hasMessage("is not UTF-8: byte 0xC3 (byte offset 9) at line 1, column 10");
    }

    @Test
    void readYaml_aliasOfAMapping_isRefusedWithItsLine() throws IOException {
        Path file = write("alias.yaml", "base: &base\n  cpu: 1\nother: *base\n");

        assertThatThrownBy(() -> Documents.readYaml(file)).hasMessageContaining("defines the YAML anchor '&base'")
                .hasMessageContaining("line 1");
    }

    @Test
    void readYaml_duplicateKeyInANestedMapping_isRefused() throws IOException {
        Path file = write("dup.yaml", "quota:\n  pods: 10\n  pods: 20\n");

        assertThatThrownBy(() -> Documents.readYaml(file)).hasMessageContaining("Duplicate field 'pods'")
                .hasMessageContaining("line 3");
    }

    @Test
    void readYaml_yaml11BooleanWords_stayTextAsThePulumiCliReadsThem() throws IOException {
        Path file = write("words.yaml", "language: no\nlegacy: yes\nswitch: off\nflag: true\nother: False\n");

        var node = Documents.readYaml(file);

        assertThat(node.get("language").isTextual()).isTrue();
        assertThat(node.get("language").asText()).isEqualTo("no");
        assertThat(node.get("legacy").asText()).isEqualTo("yes");
        assertThat(node.get("switch").asText()).isEqualTo("off");
        assertThat(node.get("flag").isBoolean()).isTrue();
        assertThat(node.get("other").isBoolean()).isTrue();
        assertThat(node.get("other").booleanValue()).isFalse();
    }

    @Test
    void yaml_filesOtherToolsWrite_keepYaml11Booleans() throws IOException {
        // Tutor's config.yml (PyYAML) and Kubernetes manifests (kubectl) read 'on' as true.
        var node = Mappers.yaml().build().readTree("enabled: on\n");

        assertThat(node.get("enabled").isBoolean()).isTrue();
    }
}
