package io.edxstack.platform;

import io.edxstack.config.PlatformSpec;
import io.edxstack.config.PlatformSpec.ServiceSpec;

/**
 * Where the platform reaches each data service: the Service of the StatefulSet in its namespace (named
 * like Tutor's: mysql, mongodb, redis, meilisearch, smtp) or the external host of the catalogue.
 */
record ServiceEndpoints(Endpoint mysql, Endpoint mongodb, Endpoint redis, Endpoint meilisearch, Endpoint smtp) {

    record Endpoint(String host, int port, boolean tls, boolean internal) {
    }

    static ServiceEndpoints of(PlatformSpec spec) {
        var services = spec.services();
        return new ServiceEndpoints(endpoint("mysql", services.mysql()), endpoint("mongodb", services.mongodb()),
                endpoint("redis", services.redis()), endpoint("meilisearch", services.meilisearch()),
                endpoint("smtp", services.smtp()));
    }

    private static Endpoint endpoint(String serviceName, ServiceSpec spec) {
        return new Endpoint(spec.host().orElse(serviceName), spec.port(), spec.tls(), spec.internal());
    }

    String meilisearchUrl() {
        return (meilisearch.tls() ? "https://" : "http://") + meilisearch.host() + ":" + meilisearch.port();
    }
}
