package io.edxstack.config;

import java.util.regex.Pattern;

/** Value shapes more than one reader of the stack config and the catalogue checks. */
final class ConfigPatterns {
    /** A dotted-quad IPv4 address, each part 0 to 255. */
    static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    private ConfigPatterns() {
    }
}
