package io.edxstack.zuul;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which secret variables reach which playbook of a job, by Zuul's rules (zuul/configloader.py JobParser,
 * zuul/model.py Job.applyVariant): a job stanza's secrets are bound to the playbooks of that same
 * stanza only; a secret with {@code pass-to-parent: true} is also bound to every playbook the job
 * inherits from its parents. Nothing else is inherited: a child's secret never reaches a parent's
 * playbook without pass-to-parent, and a parent's secret never reaches a child's playbook.
 */
final class SecretBindings {

    private static final List<String> PLAYBOOK_ATTRIBUTES = List.of("pre-run", "run", "post-run", "cleanup-run");

    /** One playbook of a job as Zuul runs it, with the secret variable names bound to it. */
    record Playbook(String definedBy, String attribute, Path path, Set<String> bound) {
    }

    private final ZuulConfig zuul;

    SecretBindings(ZuulConfig zuul) {
        this.zuul = zuul;
    }

    /** The playbooks of a runnable job, parents' first, each with the secret aliases Zuul binds to it. */
    List<Playbook> playbooks(String job) {
        List<ZuulConfig.Job> chain = new ArrayList<>(zuul.chain(job));
        Collections.reverse(chain);
        List<Playbook> playbooks = new ArrayList<>();
        for (ZuulConfig.Job definition : chain) {
            JsonNode secrets = definition.body().path("secrets");
            Set<String> passed = new LinkedHashSet<>();
            Set<String> own = new LinkedHashSet<>();
            for (JsonNode secret : secrets) {
                String alias = secret.isTextual() ? secret.asText() : secret.path("name").asText();
                own.add(alias);
                if (secret.path("pass-to-parent").asBoolean(false)) {
                    passed.add(alias);
                }
            }
            // pass-to-parent: added to every playbook accumulated so far (the parents').
            playbooks.replaceAll(p -> {
                Set<String> bound = new LinkedHashSet<>(p.bound());
                bound.addAll(passed);
                return new Playbook(p.definedBy(), p.attribute(), p.path(), bound);
            });
            for (String attribute : PLAYBOOK_ATTRIBUTES) {
                for (String path : ZuulConfig.strings(definition.body().get(attribute))) {
                    playbooks.add(new Playbook(definition.name(), attribute, definition.projectRoot().resolve(path),
                            Set.copyOf(own)));
                }
            }
        }
        return playbooks;
    }

    /** Every secret alias declared by any job: the names a playbook may only use when bound. */
    Set<String> aliases() {
        Set<String> aliases = new LinkedHashSet<>();
        zuul.jobs.values().forEach(job -> job.body().path("secrets").forEach(secret ->
                aliases.add(secret.isTextual() ? secret.asText() : secret.path("name").asText())));
        return aliases;
    }

    /**
     * For each runnable job: the secret variables a playbook (with the roles it uses, recursively)
     * reads that Zuul does not bind to it. Empty when every use is bound.
     */
    Map<String, List<String>> unboundUses() throws IOException {
        Map<String, List<String>> unbound = new LinkedHashMap<>();
        Set<String> aliases = aliases();
        for (ZuulConfig.Job job : zuul.jobs.values()) {
            if (job.body().path("abstract").asBoolean(false)) {
                continue;
            }
            for (Playbook playbook : playbooks(job.name())) {
                String text = textWithRoles(playbook.path(), new LinkedHashSet<>());
                for (String alias : aliases) {
                    if (uses(text, alias) && !playbook.bound().contains(alias)) {
                        unbound.computeIfAbsent(job.name(), k -> new ArrayList<>()).add(
                                playbook.path() + " (" + playbook.attribute() + " of " + playbook.definedBy()
                                        + ") reads " + alias);
                    }
                }
            }
        }
        return unbound;
    }

    static boolean uses(String text, String alias) {
        return Pattern.compile("(?<![\\w.'\"])" + Pattern.quote(alias) + "(?![\\w])").matcher(text).find();
    }

    /** The playbook's text and that of every role it names (roles:, include_role, import_role), recursively. */
    String textWithRoles(Path file, Set<String> seenRoles) throws IOException {
        StringBuilder text = new StringBuilder(Files.readString(file));
        var roleNames = Pattern.compile("(?m)(?:^\\s*-\\s+|name:\\s+)(edxstack-[\\w-]+)\\s*$").matcher(text.toString())
                .results().map(m -> m.group(1)).toList();
        for (String role : roleNames) {
            if (!seenRoles.add(role)) {
                continue;
            }
            Path dir = roleDirectory(role);
            if (dir == null) {
                continue;
            }
            try (var files = Files.walk(dir)) {
                for (Path roleFile : files.filter(Files::isRegularFile).sorted().toList()) {
                    text.append('\n').append(textWithRoles(roleFile, seenRoles));
                }
            }
        }
        return text.toString();
    }

    Path roleDirectory(String role) {
        return zuul.roleRoots.stream().map(root -> root.resolve(role)).filter(Files::isDirectory).findFirst().orElse(null);
    }
}
