package io.edxstack.config;

/**
 * A Tutor plugin a platform enables ({@code plugins:} of its catalogue file), besides tutor-mfe, which follows
 * {@code images.mfe} and {@code hosts.mfe}. Tutor loads it while it renders the platform, so its patches are in the
 * settings the pods mount and in every render and review.
 */
public sealed interface TutorPlugin {
    /** The name Tutor knows it by ({@code tutor plugins enable NAME}, {@code PLUGINS} of config.yml). */
    String name();

    /** A plugin of a package pinned in {@code tutor/requirements.lock}, found by its entry point. */
    record Installed(String name) implements TutorPlugin {
    }

    /**
     * A team's own YAML plugin kept in the repository ({@code tutor/plugins/<name>.yml}), handed to Tutor as it
     * reads the YAML plugins of its plugins root.
     *
     * @param file the file, relative to the project
     * @param text its content, given to Tutor as it is
     */
    record Yaml(String name, String file, String text) implements TutorPlugin {
    }
}
