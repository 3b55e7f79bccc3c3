package io.edxstack.backup.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The release this build is: the Maven project's version, written into {@code release.properties} when the
 * resources are processed, so that the jar, {@code --version} and every backup manifest name the same one.
 */
public final class Release {
    private static final String VERSION = load();

    private Release() {
    }

    public static String version() {
        return VERSION;
    }

    /** As the agent records itself in a manifest, e.g. {@code edxstack 1.0.0}. */
    public static String agent() {
        return "edxstack " + VERSION;
    }

    private static String load() {
        try (InputStream in = Release.class.getResourceAsStream("release.properties")) {
            if (in == null) {
                throw new IllegalStateException("release.properties is missing from the build, perhaps rebuild "
                        + "with Maven (it writes the project's version there)");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.contains("${")) {
                throw new IllegalStateException("release.properties holds no version ('" + version
                        + "'), perhaps rebuild with Maven");
            }
            return version.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
