package io.edxstack.config;

import java.util.regex.Pattern;

/** Value shapes more than one reader of the stack config and the catalogue checks. */
final class ConfigPatterns {
    /** A dotted-quad IPv4 address, each part 0 to 255. */
    static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    private ConfigPatterns() {
    }

    /** Why {@code text} is not an IPv4 network in CIDR notation (10.0.0.0/8), if it is not. */
    static java.util.Optional<String> cidrProblem(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2 || !IPV4.matcher(parts[0]).matches() || !parts[1].matches("\\d{1,2}")) {
            return java.util.Optional.of("'" + text + "' is not an IPv4 CIDR such as 10.0.0.0/8 (each part 0-255)");
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix > 32) {
            return java.util.Optional.of("'" + text + "' has a prefix above 32");
        }
        long address = 0;
        for (String octet : parts[0].split("\\.")) {
            address = address << 8 | Integer.parseInt(octet);
        }
        long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
        if ((address & ~mask & 0xFFFFFFFFL) != 0) {
            long network = address & mask;
            return java.util.Optional.of("'" + text + "' has host bits set, perhaps " + (network >> 24 & 255) + "."
                    + (network >> 16 & 255) + "." + (network >> 8 & 255) + "." + (network & 255) + "/" + prefix);
        }
        return java.util.Optional.empty();
    }
}
