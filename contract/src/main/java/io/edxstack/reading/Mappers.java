package io.edxstack.reading;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one place Jackson is configured for edxstack's files. Every YAML and JSON document the project reads
 * (stack files, catalogue, settings, cluster templates, policy set, previews and renders, backup manifests)
 * goes through a mapper built here: duplicate keys and trailing data are refused, and nesting, string and
 * document sizes are bounded. Callers add only what they write differently (indentation, key order).
 */
public final class Mappers {
    /** Deeper than any Kubernetes object edxstack renders (about 20 levels), far below a stack overflow. */
    public static final int MAX_NESTING = 100;
    /** A single string value: a kubeconfig or a certificate fits many times over. */
    public static final int MAX_STRING_CHARS = 1 << 20;
    /** A whole document: a preview of 50 platforms is a few tens of MB. */
    public static final long MAX_DOCUMENT_CHARS = 256L << 20;

    private Mappers() {
    }

    /** A JSON mapper with the reading policy; add writing features before {@code build()}. */
    public static JsonMapper.Builder json() {
        return JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                        .streamReadConstraints(constraints()).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /**
     * A YAML mapper for edxstack's own files (stack files, catalogue, cluster templates): the reading policy, and
     * booleans as YAML 1.2 and the Pulumi CLI read them ({@link CoreSchemaYamlFactory}).
     */
    public static YAMLMapper.Builder ownYaml() {
        return strict(YAMLMapper.builder(new CoreSchemaYamlFactory(yamlFactory())));
    }

    /**
     * A YAML mapper with the reading policy, reading YAML 1.1 as Jackson does (for files other tools write);
     * add writing features before {@code build()}.
     */
    public static YAMLMapper.Builder yaml() {
        return strict(YAMLMapper.builder(yamlFactory()));
    }

    private static YAMLMapper.Builder strict(YAMLMapper.Builder builder) {
        return builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions loader = new LoaderOptions();
        loader.setNestingDepthLimit(MAX_NESTING);
        loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, MAX_DOCUMENT_CHARS));
        loader.setMaxAliasesForCollections(0);
        loader.setAllowDuplicateKeys(false);
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(constraints())
                .build();
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING_CHARS)
                .maxDocumentLength(MAX_DOCUMENT_CHARS)
                .build();
    }
}
