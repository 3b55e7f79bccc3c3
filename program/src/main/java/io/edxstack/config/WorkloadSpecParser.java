package io.edxstack.config;

import io.edxstack.config.PlatformSpec.Admin;
import io.edxstack.config.PlatformSpec.ContainerSize;
import io.edxstack.config.PlatformSpec.Hosts;
import io.edxstack.config.PlatformSpec.Resources;
import io.edxstack.config.PlatformSpec.ServiceMode;
import io.edxstack.config.PlatformSpec.ServiceSpec;
import io.edxstack.config.PlatformSpec.Services;
import io.edxstack.config.PlatformSpec.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The workload sections of a platform file: settings, services, resources, admin and jwt. */
final class WorkloadSpecParser {
    /** The kinds of container whose size the catalogue may set. */
    static final List<String> SIZED_COMPONENTS = List.of("lms", "cms", "lmsWorker", "cmsWorker", "mfe", "caddy",
            "jobs", "mysql", "mongodb", "redis", "meilisearch", "smtp");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-zA-Z0-9]{2,8})*");
    private static final Pattern SECRET_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@+-]{1,150}");
    /** Tutor's ports and volume sizes for a service run in the namespace. */
    private static final Map<String, Integer> PORTS = Map.of("mysql", 3306, "mongodb", 27017, "redis", 6379,
            "meilisearch", 7700, "smtp", 8025);
    private static final Map<String, String> STORAGE = Map.of("mysql", "20Gi", "mongodb", "20Gi", "redis", "2Gi",
            "meilisearch", "5Gi", "smtp", "");

    private WorkloadSpecParser() {
    }

    static Settings settings(YamlObject settings, Hosts hosts) {
        settings.allowOnly(Set.of("platformName", "contactEmail", "languageCode", "timeZone", "enableHttps"));
        String platformName = settings.string("platformName").orElse("My Open edX");
        if (platformName.isEmpty() || platformName.length() > 100) {
            settings.problem("platformName", "must be 1 to 100 characters (got " + platformName.length() + ")");
        }
        return new Settings(platformName,
                settings.matching("contactEmail", EMAIL, "an e-mail address", "contact@" + hosts.lms()),
                settings.matching("languageCode", LANGUAGE, "a Django language code such as en, fr or zh-hans", "en"),
                timeZone(settings),
                settings.bool("enableHttps", true));
    }

    /** Django's TIME_ZONE: a name of the tz database, checked against the JDK's copy of it. */
    private static String timeZone(YamlObject settings) {
        String zone = settings.string("timeZone").orElse("UTC");
        if (!java.time.ZoneId.getAvailableZoneIds().contains(zone)) {
            settings.problem("timeZone", ClosestKey.among(zone, java.time.ZoneId.getAvailableZoneIds())
                    .map(best -> "unknown time zone '" + zone + "', perhaps '" + best + "'")
                    .orElse("unknown time zone '" + zone + "': a tz database name such as UTC or Europe/Paris"));
        }
        return zone;
    }

    static Services services(YamlObject services) {
        services.allowOnly(PORTS.keySet());
        return new Services(service(services, "mysql"), service(services, "mongodb"), service(services, "redis"),
                service(services, "meilisearch"), service(services, "smtp"));
    }

    private static ServiceSpec service(YamlObject services, String name) {
        YamlObject yaml = services.object(name);
        yaml.allowOnly(Set.of("mode", "host", "port", "existingSecret", "storage", "tls"));
        ServiceMode mode = yaml.oneOf("mode", Set.of("internal", "external"), "internal").equals("external")
                ? ServiceMode.EXTERNAL : ServiceMode.INTERNAL;
        int port = yaml.integer("port", PORTS.get(name), 1, 65535);
        Optional<String> host = yaml.string("host");
        Optional<String> secret = yaml.string("existingSecret");
        secret.filter(s -> !SECRET_NAME.matcher(s).matches())
                .ifPresent(s -> yaml.problem("existingSecret", "must be a Kubernetes Secret name (got '" + s + "')"));
        String storage = STORAGE.get(name);
        if (mode == ServiceMode.EXTERNAL) {
            if (host.isEmpty()) {
                yaml.problem("host", "missing, an external " + name + " is reached at a host name or IPv4 address");
            }
            host.filter(h -> !PlatformSpecParser.HOST.matcher(h).matches() && !ConfigPatterns.IPV4.matcher(h).matches())
                    .ifPresent(h -> yaml.problem("host", "must be a lower-case DNS name or an IPv4 address (got '" + h + "')"));
            if (secret.isEmpty() && !name.equals("smtp")) {
                yaml.problem("existingSecret", "missing, the credentials of an external " + name
                        + " come from an existing Secret of the namespace (see docs/platforms.md)");
            }
            if (yaml.has("storage")) {
                yaml.problem("storage", "has no effect with mode external, perhaps remove it");
            }
        } else {
            for (String key : List.of("host", "existingSecret")) {
                if (yaml.has(key)) {
                    yaml.problem(key, "has no effect with mode internal, perhaps set mode: external or remove it");
                }
            }
            if (name.equals("smtp") && yaml.has("storage")) {
                yaml.problem("storage", "has no effect: the SMTP relay keeps no data");
            } else if (!name.equals("smtp")) {
                storage = yaml.quantity("storage", QuantityKind.STORAGE).orElse(storage);
            }
        }
        return new ServiceSpec(mode, host, port, secret, storage, yaml.bool("tls", false));
    }

    static Map<String, ContainerSize> resources(YamlObject resources) {
        resources.allowOnly(Set.copyOf(SIZED_COMPONENTS));
        Map<String, ContainerSize> sizes = new LinkedHashMap<>();
        for (String component : SIZED_COMPONENTS) {
            if (!resources.has(component)) {
                continue;
            }
            YamlObject size = resources.object(component);
            size.allowOnly(Set.of("requests", "limits"));
            YamlObject requests = size.object("requests");
            YamlObject limits = size.object("limits");
            requests.allowOnly(Set.of("cpu", "memory"));
            limits.allowOnly(Set.of("cpu", "memory"));
            for (YamlObject part : List.of(requests, limits)) {
                for (String key : List.of("cpu", "memory")) {
                    if (!part.has(key)) {
                        part.problem(key, "missing: every container states both requests and limits");
                    }
                }
            }
            ContainerSize read = new ContainerSize(
                    new Resources(requests.quantity("cpu", QuantityKind.CPU).orElse(""),
                            requests.quantity("memory", QuantityKind.MEMORY).orElse("")),
                    new Resources(limits.quantity("cpu", QuantityKind.CPU).orElse(""),
                            limits.quantity("memory", QuantityKind.MEMORY).orElse("")));
            atMost(size, "requests", read.requests(), "limits", read.limits());
            sizes.put(component, read);
        }
        return sizes;
    }

    /**
     * Reports a CPU or memory of {@code lower} above the same of {@code upper} (both under {@code parent}), as
     * the API server refuses a container whose request exceeds its limit. Unparseable values are reported
     * where they are read.
     */
    static void atMost(YamlObject parent, String lowerKey, Resources lower, String upperKey, Resources upper) {
        compare(parent, lowerKey, upperKey, "cpu", lower.cpu(), upper.cpu());
        compare(parent, lowerKey, upperKey, "memory", lower.memory(), upper.memory());
    }

    private static void compare(YamlObject parent, String lowerKey, String upperKey, String resource,
                                String lower, String upper) {
        var low = io.edxstack.state.Quantity.of(lower);
        var high = io.edxstack.state.Quantity.of(upper);
        if (low != null && high != null && low.compareTo(high) > 0) {
            parent.problem(lowerKey + "." + resource, "must not exceed " + upperKey + "." + resource + " ('" + lower
                    + "' > '" + upper + "'): Kubernetes refuses it");
        }
    }

    static Optional<Admin> admin(YamlObject admin) {
        admin.allowOnly(Set.of("username", "email"));
        if (!admin.has("username") && !admin.has("email")) {
            return Optional.empty();
        }
        String username = admin.matching("username", USERNAME, "a Django username (letters, digits, _.@+-)", "");
        String email = admin.matching("email", EMAIL, "an e-mail address", "");
        for (String key : List.of("username", "email")) {
            if (!admin.has(key)) {
                admin.problem(key, "missing, the admin account needs both username and email");
            }
        }
        return Optional.of(new Admin(username, email));
    }

    static Optional<String> jwt(YamlObject jwt) {
        jwt.allowOnly(Set.of("existingSecret"));
        Optional<String> secret = jwt.string("existingSecret");
        secret.filter(s -> !SECRET_NAME.matcher(s).matches())
                .ifPresent(s -> jwt.problem("existingSecret", "must be a Kubernetes Secret name (got '" + s + "')"));
        return secret;
    }
}
