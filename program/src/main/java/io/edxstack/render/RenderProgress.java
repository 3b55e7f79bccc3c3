package io.edxstack.render;

/**
 * Told about a render as it goes, for commands that report progress on long runs: every registration, and
 * which platform the program has reached.
 */
public interface RenderProgress {
    RenderProgress NONE = (platformsStarted, platformsTotal, platform, resources) -> { };

    /**
     * @param platformsStarted platforms whose component the program has registered so far (1-based)
     * @param platformsTotal   platforms the stack runs
     * @param platform         the platform just reached, or null when the registration is not a platform
     * @param resources        resources registered so far
     */
    void registered(int platformsStarted, int platformsTotal, String platform, int resources);
}
