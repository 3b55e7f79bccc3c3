package io.edxstack.config;

import io.edxstack.config.StackConfig.CertManagerConfig;
import io.edxstack.config.StackConfig.FrontDoorConfig;
import io.edxstack.config.StackConfig.FrontDoorMode;
import io.edxstack.config.StackConfig.MediaConfig;
import io.edxstack.config.StackConfig.S3Credentials;
import io.edxstack.config.StackConfig.WorkloadConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.edxstack.config.ConfigKeys.*;

/** The stack keys of the platforms' workloads: front door, cert-manager, the secrets' master key, media. */
final class WorkloadConfigParser {
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+");
    private static final Pattern BUCKET_PREFIX = Pattern.compile("[a-z0-9][-a-z0-9.]{0,30}");
    private static final Pattern CHART_VERSION = Pattern.compile("v?\\d+\\.\\d+\\.\\d+");

    private WorkloadConfigParser() {
    }

    static WorkloadConfig parse(ConfigReader config) {
        return new WorkloadConfig(frontDoor(config), certManager(config), masterKey(config), media(config),
                config.integer(STANDBY_WARM_REPLICAS, 0, 10));
    }

    private static FrontDoorConfig frontDoor(ConfigReader config) {
        FrontDoorMode mode = config.oneOf(FRONT_DOOR_MODE, Set.of("caddy", "ingress")).equals("ingress")
                ? FrontDoorMode.INGRESS : FrontDoorMode.CADDY;
        String ingressClass = config.optionalString(FRONT_DOOR_INGRESS_CLASS).orElse("nginx");
        if (!DNS_NAME.matcher(ingressClass).matches()) {
            config.problem(FRONT_DOOR_INGRESS_CLASS, "must be an IngressClass name (got '" + ingressClass + "')");
        }
        return new FrontDoorConfig(mode, ingressClass);
    }

    private static CertManagerConfig certManager(ConfigReader config) {
        String version = config.optionalString(CERT_MANAGER_VERSION).orElse("");
        if (!CHART_VERSION.matcher(version).matches()) {
            config.problem(CERT_MANAGER_VERSION, "must be a pinned chart version such as v1.16.3 (got '" + version + "')");
        }
        String email = config.requiredString(CERT_MANAGER_ACME_EMAIL, "the ACME account needs a contact address");
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            config.problem(CERT_MANAGER_ACME_EMAIL, "must be an e-mail address (got '" + email + "')");
        }
        String server = config.optionalString(CERT_MANAGER_ACME_SERVER).orElse("");
        if (!isHttpsUrl(server)) {
            config.problem(CERT_MANAGER_ACME_SERVER, "must be an https:// ACME directory URL (got '" + server + "')");
        }
        return new CertManagerConfig(config.bool(CERT_MANAGER_INSTALL), version, email, server);
    }

    private static SecretValue masterKey(ConfigReader config) {
        Optional<SecretValue> key = config.secret(SECRETS_MASTER_KEY);
        if (key.isEmpty()) {
            config.problem(SECRETS_MASTER_KEY, "missing, every platform secret is derived from it; set the same value "
                    + "on both stacks with 'pulumi config set --secret " + SECRETS_MASTER_KEY.fullName() + "'");
        } else if (key.get().reveal().length() < 32 && !key.get().reveal().equals(StackFiles.PLACEHOLDER)) {
            config.problem(SECRETS_MASTER_KEY, "is too short (under 32 characters), perhaps "
                    + "'pulumi config set --secret " + SECRETS_MASTER_KEY.fullName() + " -- \"$(openssl rand -base64 48)\"'");
        }
        return key.orElse(new SecretValue(""));
    }

    private static MediaConfig media(ConfigReader config) {
        String endpoint = config.requiredString(MEDIA_S3_ENDPOINT, "media is stored in S3, not on volumes");
        if (!endpoint.isEmpty() && !isHttpsUrl(endpoint) && !endpoint.startsWith("http://")) {
            config.problem(MEDIA_S3_ENDPOINT, "must be an http(s):// URL such as https://rgw.example.org (got '" + endpoint + "')");
        }
        String prefix = config.optionalString(MEDIA_BUCKET_PREFIX).orElse("");
        if (!BUCKET_PREFIX.matcher(prefix).matches()) {
            config.problem(MEDIA_BUCKET_PREFIX, "must be lower-case letters, digits, '-' or '.', at most 31 characters "
                    + "(got '" + prefix + "')");
        }
        Optional<SecretValue> accessKey = config.secret(MEDIA_ACCESS_KEY_ID);
        Optional<SecretValue> secretKey = config.secret(MEDIA_SECRET_ACCESS_KEY);
        if (accessKey.isPresent() != secretKey.isPresent()) {
            config.problem(accessKey.isPresent() ? MEDIA_SECRET_ACCESS_KEY : MEDIA_ACCESS_KEY_ID,
                    "media.accessKeyId and media.secretAccessKey go together, perhaps set both or neither");
        }
        String credentialsSecret = config.optionalString(MEDIA_CREDENTIALS_SECRET).orElse("");
        if (!DNS_NAME.matcher(credentialsSecret).matches()) {
            config.problem(MEDIA_CREDENTIALS_SECRET, "must be a Kubernetes Secret name (got '" + credentialsSecret + "')");
        }
        Optional<S3Credentials> credentials = accessKey.isPresent() && secretKey.isPresent()
                ? Optional.of(new S3Credentials(accessKey.get(), secretKey.get())) : Optional.empty();
        return new MediaConfig(endpoint, config.optionalString(MEDIA_REGION).orElse("default"), prefix,
                credentials, credentialsSecret);
    }

    private static boolean isHttpsUrl(String value) {
        try {
            URI uri = new URI(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
