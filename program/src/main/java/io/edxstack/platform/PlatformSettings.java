package io.edxstack.platform;

import com.pulumi.kubernetes.core.v1.ConfigMap;
import io.edxstack.tutorenv.TutorEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Open edX settings of a platform as Tutor renders them (LMS and CMS {@code production.py} and the rest of
 * Tutor's settings folders, {@code lms.env.yml}/{@code cms.env.yml}, {@code uwsgi.ini}), in one ConfigMap named
 * by its content's hash ({@code openedx-settings-<hash>}): a settings change is a new ConfigMap, so pod templates
 * change, pods roll and init Jobs get new names. Immutable, since a name never gets new content. Secrets are
 * {@code @@NAME@@} placeholders, filled when a pod starts by {@code edxstack_fill.py}.
 */
final class PlatformSettings {
    /** Where the ConfigMap is mounted in the init container that fills it. */
    static final String TEMPLATES = "/openedx/edxstack";
    /** Where the filled files land (an in-memory emptyDir), one folder per mount. */
    static final String RENDERED = "/openedx/rendered";
    static final String FILL_SCRIPT = "edxstack_fill.py";
    static final String UWSGI = "uwsgi.ini";
    private static final String FILL = resource(FILL_SCRIPT);
    private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z][A-Z0-9_]*)@@");
    private static final String SETTINGS = "apps/openedx/settings/";
    private static final String CONFIG = "apps/openedx/config/";

    final String configMapName;
    final String hash;
    /** The variables the settings' placeholders name: what the filling init container must be given. */
    final Set<String> placeholders;
    final ConfigMap configMap;

    PlatformSettings(PlatformScope scope, TutorEnvironment tutor) {
        Map<String, String> data = data(tutor);
        var content = ContentConfigMap.create(scope, "openedx-settings", "settings", data);
        this.hash = content.hash();
        this.configMapName = content.name();
        this.placeholders = placeholders(data);
        this.configMap = content.configMap();
    }

    /** The ConfigMap's files: {@code lms.<file>}, {@code cms.<file>}, {@code config.<file>}, uwsgi.ini, the filler. */
    static Map<String, String> data(TutorEnvironment tutor) {
        Map<String, String> data = new TreeMap<>();
        tutor.files().forEach((path, text) -> {
            if (path.startsWith(SETTINGS + "lms/") || path.startsWith(SETTINGS + "cms/")) {
                String rest = path.substring(SETTINGS.length());
                data.put(rest.replace('/', '.'), text);
            } else if (path.startsWith(CONFIG) && path.indexOf('/', CONFIG.length()) < 0) {
                data.put("config." + path.substring(CONFIG.length()), text);
            }
        });
        data.put(UWSGI, tutor.file("apps/openedx/" + UWSGI));
        data.put(FILL_SCRIPT, FILL);
        return data;
    }

    static Set<String> placeholders(Map<String, String> data) {
        Set<String> names = new TreeSet<>();
        data.forEach((key, text) -> {
            if (!key.equals(FILL_SCRIPT)) {
                Matcher matcher = PLACEHOLDER.matcher(text);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        });
        return names;
    }

    /** SHA-256 over the ConfigMap's files in key order: the same content always gives the same name. */
    static String sha256(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(files).forEach((key, value) -> {
                digest.update(key.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String resource(String name) {
        try (InputStream in = PlatformSettings.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name + ", perhaps rebuild it with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
