package io.edxstack.config;

/**
 * The data-service and proxy images of the pinned Tutor (22.0.3, tutor/requirements.in), mirrored into Magnum's
 * registry on the nodes ({@code localhost:5000}); a platform overrides any of them under {@code images:}. Tags as
 * that Tutor pins them (its config defaults DOCKER_IMAGE_*): TutorImagesTest fails when they drift apart.
 */
public final class DefaultImages {
    public static final String REGISTRY = "localhost:5000/";
    public static final String CADDY = REGISTRY + "caddy:2.11.7";
    public static final String MYSQL = REGISTRY + "mysql:8.4.11";
    public static final String MONGODB = REGISTRY + "mongo:7.0.39";
    public static final String REDIS = REGISTRY + "redis:7.4.10";
    public static final String MEILISEARCH = REGISTRY + "getmeili/meilisearch:v1.36.0";
    public static final String SMTP = REGISTRY + "devture/exim-relay:4.96-r1-0";

    private DefaultImages() {
    }
}
