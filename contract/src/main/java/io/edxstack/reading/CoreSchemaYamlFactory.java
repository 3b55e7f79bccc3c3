package io.edxstack.reading;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML factory whose booleans are those of the YAML 1.2 core schema: {@code true} and {@code false} only.
 * Jackson's YAML parser follows YAML 1.1, where {@code no}, {@code yes}, {@code on} and {@code off} are booleans,
 * so {@code languageCode: no} (Norwegian) would read as {@code false}. The Pulumi CLI reads the same stack files
 * with Go's yaml.v3, which keeps such words as text; edxstack's own files are read the same way, so that
 * {@code validate} and the engine never disagree on a value. Files other tools write (Tutor's config.yml,
 * Kubernetes manifests) keep the YAML 1.1 reading of the tools that made them.
 */
final class CoreSchemaYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    CoreSchemaYamlFactory(YAMLFactory configured) {
        super(configured, null);
    }

    @Override
    protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return parser(ctxt, _createReader(in, null, ctxt));
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
        return parser(ctxt, r);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) {
        return parser(ctxt, new CharArrayReader(data, offset, len));
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return parser(ctxt, _createReader(data, offset, len, null, ctxt));
    }

    private YAMLParser parser(IOContext ctxt, Reader reader) {
        return new CoreSchemaParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }

    /** Turns a YAML 1.1 boolean word that YAML 1.2 keeps as text back into the text it was written as. */
    private static final class CoreSchemaParser extends YAMLParser {
        private static final Set<String> CORE_BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");

        CoreSchemaParser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions loaderOptions,
                ObjectCodec codec, Reader reader) {
            super(ctxt, parserFeatures, formatFeatures, loaderOptions, codec, reader);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if ((token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)
                    && !CORE_BOOLEANS.contains(getText())) {
                _currToken = JsonToken.VALUE_STRING;
                return _currToken;
            }
            return token;
        }
    }
}
