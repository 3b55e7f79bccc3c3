package io.edxstack.platform;

import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackConfig.MediaConfig;

/** The URLs and names of a platform that more than one part of it states: one definition each. */
final class PlatformUrls {
    private PlatformUrls() {
    }

    /** The platform's media bucket in the region's Ceph RGW. */
    static String bucket(PlatformSpec spec, MediaConfig media) {
        return media.bucketPrefix() + spec.name() + "-media";
    }

    /** A host's URL, with Tutor's ENABLE_HTTPS deciding the scheme. */
    static String url(PlatformSpec spec, String host) {
        return (spec.settings().enableHttps() ? "https://" : "http://") + host;
    }
}
