package io.edxstack.config;

/**
 * The data-service and proxy images of Tutor v21, mirrored into Magnum's registry on the nodes
 * ({@code localhost:5000}); a platform overrides any of them under {@code images:}. Tags as Tutor pins them
 * (tutor/templates/config/defaults.yml, DOCKER_IMAGE_*), on the major versions the platform runs.
 */
public final class DefaultImages {
    public static final String REGISTRY = "localhost:5000/";
    public static final String CADDY = REGISTRY + "caddy:2.7.4";
    public static final String MYSQL = REGISTRY + "mysql:8.4.5";
    public static final String MONGODB = REGISTRY + "mongo:7.0.14";
    public static final String REDIS = REGISTRY + "redis:7.4.2";
    public static final String MEILISEARCH = REGISTRY + "getmeili/meilisearch:v1.8.4";
    public static final String SMTP = REGISTRY + "devture/exim-relay:4.96-r1-0";

    private DefaultImages() {
    }
}
