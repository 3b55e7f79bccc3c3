package io.edxstack.tutor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shell commands that move a secret from Tutor's config.yml into a Kubernetes Secret or a Pulumi secret
 * without the value passing through this program, its output or a command line: the value is read from
 * the file at run time (python3 with PyYAML, which every Tutor installation has) and piped or handed over
 * through process substitution (bash).
 */
final class SecretCommands {
    private final String configPath;

    SecretCommands(String configPath) {
        this.configPath = configPath;
    }

    /** {@code python3 ... 'config.yml' KEY}: prints one value of the Tutor file. */
    String read(String key) {
        return "python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))[sys.argv[2]], end=\"\")' "
                + quote(configPath) + " " + key;
    }

    /**
     * {@code kubectl create secret} in the platform's namespace; each entry is a Secret key and either the
     * Tutor key to read or, prefixed with {@code =}, a literal that is not secret (e.g. a default username).
     */
    String kubernetesSecret(String namespace, String secret, Map<String, String> keys) {
        List<String> parts = new ArrayList<>();
        parts.add("kubectl --namespace " + namespace + " create secret generic " + secret);
        keys.forEach((secretKey, source) -> parts.add(source.startsWith("=")
                ? "--from-literal=" + secretKey + "=" + quote(source.substring(1))
                : "--from-file=" + secretKey + "=<(" + read(source) + ")"));
        return String.join(" \\\n    ", parts);
    }

    /** {@code pulumi config set --secret} reads the value from standard input when none is given. */
    String pulumiSecret(String stack, String configKey, String tutorKey) {
        return read(tutorKey) + " | pulumi config set --stack " + stack + " --secret " + configKey;
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
