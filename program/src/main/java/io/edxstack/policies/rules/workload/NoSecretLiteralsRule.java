package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A literal env value is stored in plain text in the Deployment (or Job, CronJob...) and shown to anyone who
 * may read it, by {@code kubectl describe} and in the Pulumi state's inputs. Secrets reach pods by reference:
 * {@code valueFrom.secretKeyRef}, {@code envFrom.secretRef}, or a mounted Secret whose path the env names.
 * Flagged: a Pulumi secret written as a literal value, a literal under a name that says it is a secret
 * (password, token, secret, private or API key...), a URL with a password, a PEM private key.
 */
public final class NoSecretLiteralsRule extends ContainerRule {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)passw(or)?d|passwd|secret|token|bearer|credential|private_?key|api_?key|access_?key|(^|_)key$");
    /** A name for where the secret is, not the secret: {@code EDXSTACK_MYSQL_PASSWORD_FILE=/run/secrets/...}. */
    private static final Pattern REFERENCE_NAME = Pattern.compile("(?i).*_(file|path|dir|filename)$");
    private static final Pattern ONLY_VARIABLE_REFERENCES = Pattern.compile("(\\$\\([A-Za-z_][A-Za-z0-9_]*\\))+");
    private static final Pattern URL_PASSWORD = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/@\\s:]*:([^/@\\s]+)@");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

    @Override
    public String id() {
        return "workload-no-secret-literals";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "No env value is a literal secret: no Pulumi secret, secret-named literal, URL password or private key";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    Optional<String> hidden(Workload workload, Container container) {
        Object env = container.spec().get("env");
        if (Values.isHidden(env)) {
            return Optional.of(container.path() + ".env");
        }
        List<Object> entries = Values.asList(env);
        for (int index = 0; index < entries.size(); index++) {
            Object entry = entries.get(index);
            String path = container.path() + ".env[" + index + "]";
            if (Values.isHidden(entry) || Values.isHidden(Values.at(entry, "name"))) {
                return Optional.of(path);
            }
            Object value = Values.at(entry, "value");
            // An unknown value may be anything; under a secret's name it may be the secret.
            if (Values.isHidden(value) && !Values.isSecret(value) && looksSecret(Values.string(entry, "name"))) {
                return Optional.of(path + ".value");
            }
        }
        return Optional.empty();
    }

    @Override
    List<String> problems(Workload workload, Container container, RuleParameters parameters) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> entry : Values.maps(container.spec(), "env")) {
            String name = Values.string(entry, "name");
            Object value = entry.get("value");
            if (value == null) {
                continue;
            }
            if (Values.isSecret(value)) {
                problems.add("env " + name + " is a Pulumi secret written into the pod spec in plain text; put it in"
                        + " a Secret and use valueFrom.secretKeyRef");
            } else if (value instanceof String text && !text.isEmpty() && !Values.isHidden(text)) {
                problem(name, text).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<String> problem(String name, String value) {
        if (PRIVATE_KEY.matcher(value).find()) {
            return Optional.of("env " + name + " holds a private key; mount it from a Secret instead");
        }
        Matcher url = URL_PASSWORD.matcher(value);
        if (url.find() && !ONLY_VARIABLE_REFERENCES.matcher(url.group(1)).matches()) {
            return Optional.of("env " + name + " holds a URL with a password; take the password from a Secret"
                    + " (valueFrom.secretKeyRef) and refer to it as $(VARIABLE) in the URL");
        }
        if (looksSecret(name) && !ONLY_VARIABLE_REFERENCES.matcher(value).matches()
                && !(REFERENCE_NAME.matcher(name).matches() && value.startsWith("/"))) {
            return Optional.of("env " + name + " has a literal value; take it from a Secret with"
                    + " valueFrom.secretKeyRef, or mount the Secret and name its path in " + name + "_FILE");
        }
        return Optional.empty();
    }

    private static boolean looksSecret(String name) {
        return name != null && SECRET_NAME.matcher(name).find();
    }
}
