package io.edxstack.platform;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackConfig.MediaConfig;

import java.util.List;

/**
 * The LMS and CMS settings of a platform in Tutor's terms (its {@code lms.env.yml}/{@code cms.env.yml}:
 * hosts, platform name, e-mail, language, data services, media in S3), before the platform's
 * {@code settings.json} is merged over them. No credential appears here: they come from the environment
 * (see {@code edxstack_common.py}).
 */
final class DjangoSettings {
    static final JsonMapper JSON = io.edxstack.config.Mappers.json().build();
    /** Tutor's index prefix, kept so that indexes restored from a Tutor installation are found. */
    static final String MEILISEARCH_INDEX_PREFIX = "tutor_";
    static final String DATABASE = "openedx";
    static final String CMS_SSO_CLIENT = "cms-sso";
    private static final List<String> CACHES = List.of("default", "general", "mongo_metadata_inheritance",
            "configuration", "celery", "course_structure_cache", "ora2-storage");

    private DjangoSettings() {
    }

    static ObjectNode lms(PlatformSpec spec, ServiceEndpoints endpoints, MediaConfig media) {
        ObjectNode lms = common(spec, endpoints, media);
        var hosts = spec.hosts();
        lms.put("SITE_NAME", hosts.lms());
        lms.put("SESSION_COOKIE_DOMAIN", hosts.lms());
        lms.set("ALLOWED_HOSTS", strings(hosts.lms(), "lms"));
        spec.hosts().mfe().filter(m -> spec.hasMfe()).ifPresent(mfe -> {
            String base = url(spec, mfe);
            lms.put("LEARNING_MICROFRONTEND_URL", base + "/learning");
            lms.put("ACCOUNT_MICROFRONTEND_URL", base + "/account/");
            lms.put("PROFILE_MICROFRONTEND_URL", base + "/profile/u/");
            lms.put("LEARNER_HOME_MICROFRONTEND_URL", base + "/learner-dashboard/");
            lms.put("ORA_GRADING_MICROFRONTEND_URL", base + "/ora-grading");
            lms.put("DISCUSSIONS_MICROFRONTEND_URL", base + "/discussions");
            lms.put("WRITABLE_GRADEBOOK_URL", base + "/gradebook");
            lms.set("CORS_ORIGIN_WHITELIST", strings(base));
            lms.put("CORS_ALLOW_CREDENTIALS", true);
            lms.set("LOGIN_REDIRECT_WHITELIST", strings(hosts.cms(), mfe));
            lms.set("CSRF_TRUSTED_ORIGINS", strings(url(spec, hosts.cms()), base));
            lms.withObject("/FEATURES").put("ENABLE_CORS_HEADERS", true);
        });
        if (!spec.hasMfe()) {
            lms.set("LOGIN_REDIRECT_WHITELIST", strings(hosts.cms()));
            lms.set("CSRF_TRUSTED_ORIGINS", strings(url(spec, hosts.cms())));
        }
        return lms;
    }

    static ObjectNode cms(PlatformSpec spec, ServiceEndpoints endpoints, MediaConfig media) {
        ObjectNode cms = common(spec, endpoints, media);
        var hosts = spec.hosts();
        cms.put("SITE_NAME", hosts.cms());
        cms.put("SESSION_COOKIE_DOMAIN", hosts.cms());
        cms.set("ALLOWED_HOSTS", strings(hosts.cms(), "cms"));
        cms.set("CSRF_TRUSTED_ORIGINS", strings(url(spec, hosts.cms())));
        // Studio logs in through the LMS (OAuth2 client created by the LMS init job); the secret is in env.
        cms.put("SOCIAL_AUTH_EDX_OAUTH2_KEY", CMS_SSO_CLIENT);
        cms.put("SOCIAL_AUTH_EDX_OAUTH2_URL_ROOT", "http://lms:8000");
        cms.put("SOCIAL_AUTH_EDX_OAUTH2_PUBLIC_URL_ROOT", url(spec, hosts.lms()));
        spec.hosts().mfe().filter(m -> spec.hasMfe()).ifPresent(mfe -> {
            cms.put("COURSE_AUTHORING_MICROFRONTEND_URL", url(spec, mfe) + "/authoring");
            cms.set("CSRF_TRUSTED_ORIGINS", strings(url(spec, hosts.cms()), url(spec, mfe)));
        });
        return cms;
    }

    private static ObjectNode common(PlatformSpec spec, ServiceEndpoints endpoints, MediaConfig media) {
        var settings = spec.settings();
        var hosts = spec.hosts();
        ObjectNode node = JSON.createObjectNode();
        node.put("PLATFORM_NAME", settings.platformName());
        node.put("LMS_BASE", hosts.lms());
        node.put("CMS_BASE", hosts.cms());
        node.put("LMS_ROOT_URL", url(spec, hosts.lms()));
        node.put("CMS_ROOT_URL", url(spec, hosts.cms()));
        node.put("ENABLE_HTTPS", settings.enableHttps());
        node.put("SESSION_COOKIE_SECURE", settings.enableHttps());
        node.put("CSRF_COOKIE_SECURE", settings.enableHttps());
        for (String key : List.of("CONTACT_EMAIL", "DEFAULT_FROM_EMAIL", "SERVER_EMAIL", "TECH_SUPPORT_EMAIL",
                "BUGS_EMAIL", "UNIVERSITY_EMAIL", "PRESS_EMAIL", "PAYMENT_SUPPORT_EMAIL", "API_ACCESS_MANAGER_EMAIL",
                "API_ACCESS_FROM_EMAIL")) {
            node.put(key, settings.contactEmail());
        }
        node.put("LANGUAGE_CODE", settings.languageCode());
        node.put("TIME_ZONE", settings.timeZone());
        node.put("DATA_DIR", "/openedx/data");
        mysql(node, endpoints.mysql());
        mongodb(node, endpoints.mongodb());
        redis(node, endpoints.redis());
        node.put("MEILISEARCH_ENABLED", true);
        node.put("MEILISEARCH_URL", endpoints.meilisearchUrl());
        node.put("MEILISEARCH_INDEX_PREFIX", MEILISEARCH_INDEX_PREFIX);
        hosts.meilisearch().ifPresent(host -> node.put("MEILISEARCH_PUBLIC_URL", url(spec, host)));
        node.put("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend");
        node.put("EMAIL_HOST", endpoints.smtp().host());
        node.put("EMAIL_PORT", endpoints.smtp().port());
        node.put("EMAIL_USE_TLS", endpoints.smtp().tls());
        media(node, spec, media);
        ObjectNode jwt = node.putObject("JWT_AUTH");
        jwt.put("JWT_ISSUER", url(spec, hosts.lms()) + "/oauth2");
        jwt.put("JWT_AUDIENCE", "openedx");
        return node;
    }

    private static void mysql(ObjectNode node, ServiceEndpoints.Endpoint mysql) {
        ObjectNode database = node.putObject("DATABASES").putObject("default");
        database.put("ENGINE", "django.db.backends.mysql");
        database.put("HOST", mysql.host());
        database.put("PORT", mysql.port());
        database.put("NAME", DATABASE);
        database.put("ATOMIC_REQUESTS", true);
        database.putObject("OPTIONS").put("init_command", "SET sql_mode='STRICT_TRANS_TABLES'");
    }

    private static void mongodb(ObjectNode node, ServiceEndpoints.Endpoint mongodb) {
        ObjectNode store = JSON.createObjectNode();
        store.set("host", strings(mongodb.host()));
        store.put("port", mongodb.port());
        store.put("db", DATABASE);
        store.put("ssl", mongodb.tls());
        store.put("authsource", "admin");
        store.put("connectTimeoutMS", 2000);
        store.put("socketTimeoutMS", 3000);
        node.set("DOC_STORE_CONFIG", store);
        ObjectNode content = node.putObject("CONTENTSTORE");
        content.put("ENGINE", "xmodule.contentstore.mongo.MongoContentStore");
        content.set("DOC_STORE_CONFIG", store.deepCopy());
    }

    private static void redis(ObjectNode node, ServiceEndpoints.Endpoint redis) {
        String location = (redis.tls() ? "rediss://" : "redis://") + redis.host() + ":" + redis.port() + "/1";
        ObjectNode caches = node.putObject("CACHES");
        for (String cache : CACHES) {
            ObjectNode entry = caches.putObject(cache);
            entry.put("BACKEND", "django_redis.cache.RedisCache");
            entry.put("LOCATION", location);
            entry.put("KEY_PREFIX", cache);
        }
        caches.with("default").put("TIMEOUT", 7200);
        node.put("CELERY_BROKER_TRANSPORT", redis.tls() ? "rediss" : "redis");
        node.put("CELERY_BROKER_HOSTNAME", redis.host() + ":" + redis.port());
        node.put("CELERY_BROKER_VHOST", "0");
        node.put("CELERY_BROKER_USER", "");
    }

    /** Media in the platform's bucket, path-style as Ceph RGW serves it; credentials from env. */
    private static void media(ObjectNode node, PlatformSpec spec, MediaConfig media) {
        node.put("DEFAULT_FILE_STORAGE", "storages.backends.s3boto3.S3Boto3Storage");
        node.put("AWS_STORAGE_BUCKET_NAME", bucket(spec, media));
        node.put("AWS_S3_ENDPOINT_URL", media.endpoint());
        node.put("AWS_S3_REGION_NAME", media.region());
        node.put("AWS_S3_ADDRESSING_STYLE", "path");
        node.put("AWS_S3_SIGNATURE_VERSION", "s3v4");
        node.put("AWS_QUERYSTRING_AUTH", true);
        node.put("AWS_S3_FILE_OVERWRITE", false);
        node.putNull("AWS_DEFAULT_ACL");
    }

    static String bucket(PlatformSpec spec, MediaConfig media) {
        return media.bucketPrefix() + spec.name() + "-media";
    }

    static String url(PlatformSpec spec, String host) {
        return (spec.settings().enableHttps() ? "https://" : "http://") + host;
    }

    private static ArrayNode strings(String... values) {
        ArrayNode array = JSON.createArrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
