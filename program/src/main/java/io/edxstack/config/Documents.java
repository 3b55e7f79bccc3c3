package io.edxstack.config;

import io.edxstack.reading.Mappers;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one YAML or JSON document under the project's reading policy (see {@link Mappers}): UTF-8 only, with
 * the position of a bad byte counted in bytes from the file's start; one document per file; duplicate keys
 * and trailing data refused. YAML anchors and aliases are refused: the reader would otherwise take
 * {@code *name} for the text "name", and a file reviewers read should say each value where it applies.
 */
public final class Documents {
    private static final ObjectMapper YAML = Mappers.ownYaml().build();
    private static final ObjectMapper JSON = Mappers.json().build();

    private Documents() {
    }

    /** Why a document cannot be read, with its position when there is one (1-based line and column). */
    public static final class UnreadableException extends RuntimeException {
        private final int line;
        private final int column;

        UnreadableException(String reason, int line, int column) {
            super(reason + (line > 0 ? " at line " + line + (column > 0 ? ", column " + column : "") : ""));
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** The file's YAML document; null for an empty file. */
    public static JsonNode readYaml(Path file) {
        String text = readText(file);
        checkYamlShape(text);
        return parse(YAML, text, "YAML");
    }

    /** The file's JSON document; null for an empty file. */
    public static JsonNode readJson(Path file) {
        return parseJson(readText(file));
    }

    /** A JSON document already in memory (e.g. one line of a JSON Lines file). */
    public static JsonNode parseJson(String text) {
        return parse(JSON, text, "JSON");
    }

    /** The file as text: strictly UTF-8 (a BOM is dropped), within {@link Mappers#MAX_DOCUMENT_CHARS}. */
    public static String readText(Path file) {
        try {
            long size = Files.size(file);
            if (size > Mappers.MAX_DOCUMENT_CHARS) {
                throw new UnreadableException("is " + size + " bytes, more than the " + Mappers.MAX_DOCUMENT_CHARS
                        + " edxstack reads", 0, 0);
            }
            return decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UnreadableException("no such file", 0, 0);
        } catch (IOException e) {
            throw new UnreadableException("cannot be read (" + e.getMessage() + ")", 0, 0);
        }
    }

    /** Strict UTF-8; the position of the first bad byte is counted in bytes, as an editor's hex view shows it. */
    public static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new UnreadableException(String.format("is not UTF-8: byte 0x%02X (byte offset %d)",
                    bytes[offset] & 0xff, offset), line, offset - lineStart + 1);
        }
        try {
            result = decoder.flush(out);
            if (result.isError()) {
                result.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new UnreadableException("is not UTF-8 (" + e.getMessage() + ")", 0, 0);
        }
        return out.flip().toString();
    }

    private static JsonNode parse(ObjectMapper mapper, String text, String format) {
        try {
            JsonNode node = mapper.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String reason = e.getOriginalMessage().startsWith("Trailing token")
                    ? "has data after the end of its " + format + " document" : "is not valid " + format + ": "
                    + e.getOriginalMessage();
            throw new UnreadableException(reason, where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr());
        }
    }

    /** Anchors, aliases and further documents, found before the tree is built (which would hide them). */
    private static void checkYamlShape(String text) {
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            YAMLParser yaml = (YAMLParser) parser;
            int depth = 0;
            boolean rootDone = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (rootDone) {
                    throw positioned(parser, "holds more than one YAML document (a second '---'); "
                            + "edxstack reads one per file");
                }
                if (yaml.isCurrentAlias()) {
                    throw positioned(parser, "uses the YAML alias '*" + parser.getText() + "', which edxstack does not "
                            + "expand; write the value out where it applies");
                }
                if (yaml.getCurrentAnchor() != null && token != JsonToken.FIELD_NAME) {
                    throw positioned(parser, "defines the YAML anchor '&" + yaml.getCurrentAnchor() + "'; edxstack "
                            + "refuses anchors and aliases, write each value out where it applies");
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                rootDone = depth == 0 && token != JsonToken.FIELD_NAME;
            }
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            throw new UnreadableException("is not valid YAML: " + e.getOriginalMessage(),
                    where == null ? 0 : where.getLineNr(), where == null ? 0 : where.getColumnNr());
        } catch (IOException e) {
            throw new UnreadableException("cannot be read (" + e.getMessage() + ")", 0, 0);
        }
    }

    private static UnreadableException positioned(JsonParser parser, String reason) {
        JsonLocation where = parser.currentTokenLocation();
        return new UnreadableException(reason, where.getLineNr(), where.getColumnNr());
    }
}
