package io.edxstack.config;

import com.pulumi.test.PulumiTest;
import io.edxstack.program.EdxstackProgram;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Bad stack config and catalogue entries, each as an operator's change would introduce it: every one is
 * rejected with its file and key named, and the engine is never started, so nothing is registered.
 */
class InvalidInputTest {
    private static final String PRIMARY = "prod-primary";
    private static final String DEMO = "stacks/platforms/demo.yaml";
    private static final String TEMPLATE = "stacks/cluster-templates/k8s-1-28-fcos38.yaml";
    private static final String SETTINGS = "stacks/platforms/demo.settings.json";

    @TempDir
    Path tempDir;

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** One invalid input: how to break the project, and the file, key and message fragment expected. */
    record Case(String title, Consumer<TestProject> breakIt, String file, String key, String message) {
        @Override
        public String toString() {
            return title;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("masterCount not a quorum size", p -> p.setConfig(PRIMARY, "edxstack:cluster.masterCount", "2"),
                        "Pulumi.prod-primary.yaml", "edxstack:cluster.masterCount", "must be 1, 3 or 5 (got 2)"),
                new Case("masterCount not a number", p -> p.setConfig(PRIMARY, "edxstack:cluster.masterCount", "three"),
                        "Pulumi.prod-primary.yaml", "edxstack:cluster.masterCount", "must be a whole number"),
                new Case("typo in a key", p -> p.setConfig(PRIMARY, "edxstack:cluster.nodeCuont", "4"),
                        "Pulumi.prod-primary.yaml", "edxstack:cluster.nodeCuont", "perhaps 'edxstack:cluster.nodeCount'"),
                new Case("key of another namespace", p -> p.setConfig(PRIMARY, "edxstak:role", "active"),
                        "Pulumi.prod-primary.yaml", "edxstak:role", "perhaps 'edxstack:role'"),
                new Case("unknown role", p -> p.setConfig(PRIMARY, "edxstack:role", "primary"),
                        "Pulumi.prod-primary.yaml", "edxstack:role", "must be one of active, standby"),
                new Case("missing region", p -> p.unsetConfig(PRIMARY, "edxstack:region"),
                        "Pulumi.prod-primary.yaml", "edxstack:region", "missing"),
                new Case("cluster name not DNS-1123", p -> p.setConfig(PRIMARY, "edxstack:cluster.name", "Edx_Primary"),
                        "Pulumi.prod-primary.yaml", "edxstack:cluster.name", "DNS-1123"),
                new Case("node count out of range", p -> p.setConfig(PRIMARY, "edxstack:cluster.nodeCount", "0"),
                        "Pulumi.prod-primary.yaml", "edxstack:cluster.nodeCount", "between 1 and 100"),
                new Case("node count outside the template bounds", p -> p.setConfig(PRIMARY, "edxstack:cluster.nodeCount", "9"),
                        "Pulumi.prod-primary.yaml", "edxstack:cluster.nodeCount", "template's node bounds 3..6"),
                new Case("unknown cluster template version", p -> p.setConfig(PRIMARY, "edxstack:cluster.template", "k8s-1-28-fcos39"),
                        "Pulumi.prod-primary.yaml", "edxstack:cluster.template", "perhaps 'k8s-1-28-fcos38'"),
                new Case("unknown cluster mode", p -> p.setConfig(PRIMARY, "edxstack:cluster.mode", "heat"),
                        "Pulumi.prod-primary.yaml", "edxstack:cluster.mode", "must be one of existing, magnum"),
                new Case("kubeconfig in plain text", p -> existingWithPlainKubeconfig(p),
                        "Pulumi.prod-primary.yaml", "edxstack:cluster.kubeconfig", "pulumi config set --secret"),
                new Case("create timeout too short", p -> p.setConfig(PRIMARY, "edxstack:cluster.createTimeoutMinutes", "5"),
                        "Pulumi.prod-primary.yaml", "edxstack:cluster.createTimeoutMinutes", "between 10 and 1440"),
                new Case("fixed network without subnet", p -> p.setConfig(PRIMARY, "edxstack:network.fixedNetwork", "edx-net"),
                        "Pulumi.prod-primary.yaml", "edxstack:network.fixedSubnet", "go together"),
                new Case("DNS server not an address", p -> p.setConfig(PRIMARY, "edxstack:network.dnsNameserver", "dns.example.org"),
                        "Pulumi.prod-primary.yaml", "edxstack:network.dnsNameserver", "IPv4"),
                new Case("unknown filesystem", p -> p.setConfig(PRIMARY, "edxstack:storage.fsType", "btrfs"),
                        "Pulumi.prod-primary.yaml", "edxstack:storage.fsType", "must be one of ext4, xfs"),
                new Case("boolean spelled yes", p -> p.setConfig(PRIMARY, "edxstack:network.floatingIpEnabled", "yes"),
                        "Pulumi.prod-primary.yaml", "edxstack:network.floatingIpEnabled", "true or false"),
                new Case("peer stack is the stack itself", p -> p.setConfig(PRIMARY, "edxstack:peerStack", "prod-primary"),
                        "Pulumi.prod-primary.yaml", "edxstack:peerStack", "names this stack itself"),
                new Case("backup endpoint not a URL", p -> p.setConfig(PRIMARY, "edxstack:backup.s3Endpoint", "s3.regiontwo"),
                        "Pulumi.prod-primary.yaml", "edxstack:backup.s3Endpoint", "must be an http(s) URL"),
                new Case("backup bucket name invalid", p -> p.setConfig(PRIMARY, "edxstack:backup.bucket", "Edx_Backups"),
                        "Pulumi.prod-primary.yaml", "edxstack:backup.bucket", "S3 bucket name"),
                new Case("copy endpoint not a URL", p -> p.setConfig(PRIMARY, "edxstack:backup.copyS3Endpoint", "s3.regionone"),
                        "Pulumi.prod-primary.yaml", "edxstack:backup.copyS3Endpoint", "must be an http(s) URL"),
                new Case("copy into the backup bucket itself", p -> {
                    p.setConfig(PRIMARY, "edxstack:backup.copyS3Endpoint", "https://s3.regiontwo.example.org");
                    p.setConfig(PRIMARY, "edxstack:backup.copyBucket", "edxstack-backups");
                }, "Pulumi.prod-primary.yaml", "edxstack:backup.copyBucket", "is the backup bucket itself"),
                new Case("copy bucket created without its endpoint", p -> p.unsetConfig(PRIMARY, "edxstack:backup.copyS3Endpoint"),
                        "Pulumi.prod-primary.yaml", "edxstack:backup.copyCreateBucket", "needs edxstack:backup.copyS3Endpoint"),
                new Case("S3 keys from config but missing", p -> p.setConfig(PRIMARY, "edxstack:backup.credentials", "config"),
                        "Pulumi.prod-primary.yaml", "edxstack:backup.s3SecretKey", "pulumi config set --secret"),
                new Case("agent image not pinned", p -> p.setConfig(PRIMARY, "edxstack:backup.agentImage", "localhost:5000/edxstack/backup-agent:latest"),
                        "Pulumi.prod-primary.yaml", "edxstack:backup.agentImage", "pinned to a version"),
                new Case("DNS zone without a front-door address", p -> p.unsetConfig(PRIMARY, "edxstack:dns.frontDoorAddress"),
                        "Pulumi.prod-primary.yaml", "edxstack:dns.frontDoorAddress", "need the address"),
                new Case("primary unreachable stated on a standby stack", p -> p.setConfig("prod-dr", "edxstack:failover.primaryUnreachable", "true"),
                        "Pulumi.prod-dr.yaml", "edxstack:failover.primaryUnreachable", "only means something on an active stack"),
                new Case("backup schedule not cron", p -> p.write(DEMO, p.read(DEMO) + "backup:\n  schedule: every hour\n"),
                        DEMO, "backup.schedule", "cron schedule of five fields"),
                new Case("platform name not matching its file", p -> p.replace(DEMO, "name: demo", "name: demo2"),
                        DEMO, "name", "must match the file name 'demo'"),
                new Case("platform taking a system namespace", p -> p.write("stacks/platforms/kube-system.yaml",
                        p.read(DEMO).replace("name: demo", "name: kube-system").replace("demo.example.org", "sys.example.org")),
                        "stacks/platforms/kube-system.yaml", "name", "a namespace the cluster or edxstack itself uses"),
                new Case("malformed LMS host", p -> p.replace(DEMO, "lms: learn.demo.example.org", "lms: Learn_Demo"),
                        DEMO, "hosts.lms", "lower-case DNS name"),
                new Case("host used by two platforms", p -> p.replace("stacks/platforms/training.yaml",
                        "lms: learn.training.example.org", "lms: learn.demo.example.org"),
                        "stacks/platforms/training.yaml", "hosts.lms", "already used by stacks/platforms/demo.yaml hosts.lms"),
                new Case("image tagged latest", p -> p.replace(DEMO, "overhangio/openedx:22.0.3", "overhangio/openedx:latest"),
                        DEMO, "images.openedx", "not 'latest'"),
                new Case("image without a tag", p -> p.replace(DEMO, "overhangio/openedx:22.0.3", "overhangio/openedx"),
                        DEMO, "images.openedx", "explicit tag"),
                new Case("unknown stack in the catalogue", p -> p.replace(DEMO, "[prod-primary, prod-dr]", "[prod-primary, prod-rd]"),
                        DEMO, "stacks", "perhaps 'prod-dr'"),
                new Case("negative replicas", p -> p.replace(DEMO, "lms: {replicas: 2,", "lms: {replicas: -1,"),
                        DEMO, "sizing.lms.replicas", "between 0 and 100"),
                new Case("replicas above the autoscaling bound", p -> p.replace(DEMO, "cms: {replicas: 2, minReplicas: 2, maxReplicas: 4}",
                        "cms: {replicas: 5, minReplicas: 2, maxReplicas: 4}"),
                        DEMO, "sizing.cms.replicas", "between minReplicas and maxReplicas"),
                new Case("quota that is not a quantity", p -> p.replace(DEMO, "requestsMemory: 48Gi", "requestsMemory: 48 gigs"),
                        DEMO, "quota.requestsMemory", "Kubernetes quantity"),
                new Case("typo in a catalogue key", p -> p.replace(DEMO, "hosts:", "hots:"),
                        DEMO, "hots", "perhaps 'hosts'"),
                new Case("catalogue file that is not YAML", p -> p.write("stacks/platforms/broken.yaml", "name: [broken\n"),
                        "stacks/platforms/broken.yaml", "(file)", "not valid YAML"),
                new Case("duplicate key in a catalogue file", p -> p.write(DEMO, p.read(DEMO) + "name: demo\n"),
                        DEMO, "(file)", "Duplicate field 'name'"),
                new Case("template without kubeTag", p -> p.replace(TEMPLATE, "kubeTag: v1.28.9-rancher1\n", ""),
                        TEMPLATE, "kubeTag", "Magnum picks its own release's old default"),
                new Case("template kubeTag malformed", p -> p.replace(TEMPLATE, "kubeTag: v1.28.9-rancher1", "kubeTag: 1.28"),
                        TEMPLATE, "kubeTag", "Kubernetes release tag"),
                new Case("template without explicit masterLbEnabled", p -> p.replace(TEMPLATE, "masterLbEnabled: true ", "# "),
                        TEMPLATE, "masterLbEnabled", "set it explicitly"),
                new Case("Cinder CSI without the cloud provider", p -> p.replace(TEMPLATE, "cloudProviderEnabled: true", "cloudProviderEnabled: false"),
                        TEMPLATE, "cloudProviderEnabled", "must be true when cinderCsiEnabled"),
                new Case("typed label set as an extra label", p -> p.replace(TEMPLATE, "  use_podman: \"true\"", "  use_podman: \"true\"\n  kube_tag: v1.30.0"),
                        TEMPLATE, "extraLabels.kube_tag", "perhaps move it there"),
                new Case("attribute set as a label", p -> p.replace(TEMPLATE, "  use_podman: \"true\"", "  use_podman: \"true\"\n  master_lb_enabled: \"true\""),
                        TEMPLATE, "extraLabels.master_lb_enabled", "template attribute, not a label"),
                new Case("unknown network driver", p -> p.replace(TEMPLATE, "networkDriver: calico", "networkDriver: cilium"),
                        TEMPLATE, "networkDriver", "must be one of calico, flannel"),
                // Reading policy: one document per file, no duplicate keys, anchors, trailing data or stray bytes.
                new Case("YAML alias in a platform file", p -> p.replace(DEMO, "  lms: learn.demo.example.org\n  cms: studio.demo.example.org",
                        "  lms: &lms learn.demo.example.org\n  cms: *lms"),
                        DEMO, "(file)", "uses the YAML alias '*lms', which edxstack does not expand; write the value out where it applies at line 6"),
                new Case("YAML anchor on a mapping of a platform file", p -> p.replace(DEMO, "limits:\n", "limits: &limits\n"),
                        DEMO, "(file)", "defines the YAML anchor '&limits'"),
                new Case("second YAML document in a platform file", p -> p.write(DEMO, p.read(DEMO) + "---\nname: demo\n"),
                        DEMO, "(file)", "more than one YAML document"),
                new Case("duplicate key in a cluster template", p -> p.write(TEMPLATE, p.read(TEMPLATE) + "flavor: m1.xlarge\n"),
                        TEMPLATE, "(file)", "Duplicate field 'flavor'"),
                new Case("YAML anchor in a cluster template", p -> p.replace(TEMPLATE, "extraLabels:", "extraLabels: &labels"),
                        TEMPLATE, "(file)", "defines the YAML anchor '&labels'"),
                new Case("duplicate key in the settings JSON", p -> p.write(SETTINGS,
                        "{\"lms\": {\"SESSION_COOKIE_AGE\": 1},\n \"lms\": {\"SESSION_COOKIE_AGE\": 2}}\n"),
                        SETTINGS, "(file)", "Duplicate field 'lms'"),
                new Case("trailing data after the settings JSON", p -> p.write(SETTINGS, "{\"lms\": {}}\n{\"cms\": {}}\n"),
                        SETTINGS, "(file)", "has data after the end of its JSON document at line 2, column 1"),
                new Case("Latin-1 byte in the settings JSON", p -> writeBytes(p, SETTINGS,
                        "{\"lms\": {\n  \"PLATFORM_DESCRIPTION\": \"Acad\u00e9mie\"\n}}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                        SETTINGS, "(file)", "is not UTF-8: byte 0xE9 (byte offset 41) at line 2, column 32"),
                new Case("Latin-1 byte in a platform file", p -> writeBytes(p, DEMO, p.read(DEMO)
                        .replace("platformName: Demo Academy", "platformName: Acad\u00e9mie").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                        DEMO, "(file)", "is not UTF-8: byte 0xE9"),
                // Quantities as the API server reads them.
                new Case("zero-size volume", p -> p.replace(DEMO, "mysql: {storage: 50Gi}", "mysql: {storage: 0Gi}"),
                        DEMO, "services.mysql.storage", "must be more than zero"),
                new Case("volume size without a unit", p -> p.replace(DEMO, "mysql: {storage: 50Gi}", "mysql: {storage: 50}"),
                        DEMO, "services.mysql.storage", "means 50 bytes; perhaps '50Gi'"),
                new Case("memory in milli-units", p -> p.replace(DEMO, "requests: {cpu: 500m, memory: 1Gi}", "requests: {cpu: 500m, memory: 512m}"),
                        DEMO, "resources.lms.requests.memory", "thousandths of a byte ('m'), perhaps '512Mi'"),
                new Case("CPU written as bytes", p -> p.replace(DEMO, "limits: {cpu: \"2\", memory: 2Gi}}\n  mysql", "limits: {cpu: 2Gi, memory: 2Gi}}\n  mysql"),
                        DEMO, "resources.lms.limits.cpu", "counts cores, not bytes"),
                new Case("requests above limits", p -> p.replace(DEMO, "requests: {cpu: 500m, memory: 1Gi}", "requests: {cpu: \"4\", memory: 1Gi}"),
                        DEMO, "resources.lms.requests.cpu", "must not exceed limits.cpu ('4' > '2')"),
                new Case("LimitRange default above its maximum", p -> p.replace(DEMO, "default: {cpu: \"1\", memory: 1Gi}", "default: {cpu: \"1\", memory: 32Gi}"),
                        DEMO, "limits.default.memory", "must not exceed max.memory"),
                new Case("LimitRange maximum below the containers' limits", p -> p.replace(DEMO, "max: {cpu: \"8\", memory: 16Gi}", "max: {cpu: \"8\", memory: 3Gi}"),
                        DEMO, "limits.max.memory", "below the memory limit 4Gi of container 'mysql'"),
                new Case("negative quota", p -> p.replace(DEMO, "limitsCpu: \"56\"", "limitsCpu: \"-56\""),
                        DEMO, "quota.limitsCpu", "must not be negative"),
                new Case("storage quota without a unit", p -> p.replace(DEMO, "requestsStorage: 500Gi", "requestsStorage: 500"),
                        DEMO, "quota.requestsStorage", "means 500 bytes"),
                // Cron in Kubernetes' dialect, held to the RPO.
                new Case("backup at hour 25", p -> p.write(DEMO, p.read(DEMO) + "backup:\n  schedule: 0 25 * * *\n"),
                        DEMO, "backup.schedule", "Value 25 not in range [0, 23]"),
                new Case("cron of nines", p -> p.write(DEMO, p.read(DEMO) + "backup:\n  pruneSchedule: 99 99 99 99 99\n"),
                        DEMO, "backup.pruneSchedule", "not in range"),
                new Case("restore on the 31st of February", p -> p.write(DEMO, p.read(DEMO) + "backup:\n  restoreSchedule: 0 4 31 2 *\n"),
                        DEMO, "backup.restoreSchedule", "never runs"),
                new Case("time zone inside the schedule", p -> p.write(DEMO, p.read(DEMO) + "backup:\n  schedule: TZ=Europe/Paris 15 */2 * * *\n"),
                        DEMO, "backup.schedule", "time zone inside the schedule"),
                new Case("backups further apart than the RPO", p -> p.write(DEMO, p.read(DEMO) + "backup:\n  schedule: 15 */6 * * *\n"),
                        DEMO, "backup.schedule", "leaves up to 6 h between backups, more than the RPO of 3 h (edxstack:backup.rpoMinutes in Pulumi.prod-primary.yaml): perhaps '15 */3 * * *'"),
                new Case("weekly backups", p -> p.write(DEMO, p.read(DEMO) + "backup:\n  schedule: \"@weekly\"\n"),
                        DEMO, "backup.schedule", "leaves up to 168 h between backups"),
                // Time zones, addresses and networks as their consumers parse them.
                new Case("time zone typo", p -> p.replace(DEMO, "timeZone: Europe/Paris", "timeZone: Europe/Pairs"),
                        DEMO, "settings.timeZone", "unknown time zone 'Europe/Pairs', perhaps 'Europe/Paris'"),
                new Case("time zone typo in the settings JSON", p -> p.write(SETTINGS, "{\"cms\": {\"TIME_ZONE\": \"America/Sao Paulo\"}}"),
                        SETTINGS, "cms.TIME_ZONE", "unknown time zone 'America/Sao Paulo', perhaps 'America/Sao_Paulo'"),
                new Case("CIDR octet above 255", p -> p.write(TEMPLATE, p.read(TEMPLATE) + "masterLbAllowedCidrs: 10.0.0.0/8,192.168.300.0/24\n"),
                        TEMPLATE, "masterLbAllowedCidrs", "'192.168.300.0/24' is not an IPv4 CIDR"),
                new Case("CIDR with host bits", p -> p.write(TEMPLATE, p.read(TEMPLATE) + "masterLbAllowedCidrs: 10.1.2.3/8\n"),
                        TEMPLATE, "masterLbAllowedCidrs", "host bits set, perhaps 10.0.0.0/8"),
                new Case("CIDR prefix above 32", p -> p.write(TEMPLATE, p.read(TEMPLATE) + "masterLbAllowedCidrs: 10.0.0.0/33\n"),
                        TEMPLATE, "masterLbAllowedCidrs", "prefix above 32"),
                // Intent: peers, split brain, quota and registries as render and the program would refuse them.
                new Case("misspelt peer stack", p -> p.setConfig(PRIMARY, "edxstack:peerStack", "prod-rd"),
                        "Pulumi.prod-primary.yaml", "edxstack:peerStack", "names no stack of this project (no Pulumi.prod-rd.yaml), perhaps 'prod-dr'"),
                new Case("peer stack file unreadable", p -> p.write("Pulumi.prod-dr.yaml", p.read("Pulumi.prod-dr.yaml") + "  edxstack:role: active\n"),
                        "Pulumi.prod-primary.yaml", "edxstack:peerStack", "whose stack file cannot be read: Pulumi.prod-dr.yaml: (file): is not valid YAML"),
                new Case("both stacks active", p -> p.setConfig("prod-dr", "edxstack:role", "active"),
                        "Pulumi.prod-dr.yaml", "edxstack:role", "prod-dr and prod-primary would both be active (split brain)"),
                new Case("quota below the platform's peak", p -> p.replace(DEMO, "requestsCpu: \"16\"", "requestsCpu: \"4\""),
                        DEMO, "quota.requestsCpu", "is below the platform's peak: namespace 'demo' needs"),
                new Case("pods quota below the peak", p -> p.replace(DEMO, "pods: 100", "pods: 10"),
                        DEMO, "quota.pods", "is below the platform's peak"),
                new Case("data service image from Docker Hub", p -> p.replace(DEMO, "  mfe: localhost:5000/overhangio/openedx-mfe:22.1.0",
                        "  mfe: localhost:5000/overhangio/openedx-mfe:22.1.0\n  mysql: docker.io/library/mysql:8.4.5"),
                        DEMO, "images.mysql", "is not from a registry the policy set allows (image-registry"),
                new Case("backup agent from a public registry", p -> p.setConfig(PRIMARY, "edxstack:backup.agentImage", "ghcr.io/edxstack/backup-agent:1.0.0"),
                        "Pulumi.prod-primary.yaml", "edxstack:backup.agentImage", "is not from a registry the policy set allows"),
                // Files that would never be read.
                new Case("platform saved as .yml", p -> p.write("stacks/platforms/extra.yml", p.read(DEMO)),
                        "stacks/platforms/extra.yml", "(file name)", "perhaps rename it to extra.yaml"),
                new Case("settings saved as .setting.json", p -> p.write("stacks/platforms/demo.setting.json", "{}"),
                        "stacks/platforms/demo.setting.json", "(file name)", "perhaps rename it to demo.settings.json"),
                new Case("cluster template saved as .yml", p -> p.write("stacks/cluster-templates/k8s-1-29.yml", p.read(TEMPLATE)),
                        "stacks/cluster-templates/k8s-1-29.yml", "(file name)", "perhaps rename it to k8s-1-29.yaml"),
                new Case("platform directory misspelt", p -> p.write("stacks/platform/extra.yaml", p.read(DEMO)),
                        "stacks/platform", "(file name)", "perhaps stacks/platforms/"),
                new Case("stack file saved as .yml", p -> p.write("Pulumi.prod-dr2.yml", p.read("Pulumi.prod-dr.yaml")),
                        "Pulumi.prod-dr2.yml", "(file name)", "perhaps rename it to Pulumi.prod-dr2.yaml"),
                // Settings nobody reads.
                new Case("autoscaling bounds on a worker", p -> p.replace(DEMO, "lmsWorker: {replicas: 1}", "lmsWorker: {replicas: 1, maxReplicas: 4}"),
                        DEMO, "sizing.lmsWorker.maxReplicas", "only lms and cms autoscale"),
                new Case("autoscaling bounds on the MFE", p -> p.replace(DEMO, "mfe: {replicas: 2}", "mfe: {replicas: 2, minReplicas: 1}"),
                        DEMO, "sizing.mfe.minReplicas", "only lms and cms autoscale"),
                new Case("single-master template for three masters", p -> p.replace(TEMPLATE, "masterLbEnabled: true ", "masterLbEnabled: false "),
                        "Pulumi.prod-primary.yaml", "edxstack:cluster.masterCount", "needs a template with masterLbEnabled: true")
        ).map(Arguments::of);
    }

    private static void writeBytes(TestProject project, String relative, byte[] bytes) {
        try {
            java.nio.file.Files.write(project.file(relative), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void existingWithPlainKubeconfig(TestProject project) {
        project.setConfig(PRIMARY, "edxstack:cluster.mode", "existing");
        for (String key : new String[] {"edxstack:cluster.name", "edxstack:cluster.template", "edxstack:cluster.keypair",
                "edxstack:network.externalNetworkId", "edxstack:network.dnsNameserver"}) {
            project.unsetConfig(PRIMARY, key);
        }
        project.setConfig(PRIMARY, "edxstack:cluster.kubeconfig", "apiVersion-v1-in-plain-text");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void launch_invalidInput_namesFileAndKeyAndRegistersNothing(Case invalid) {
        TestProject project = TestProject.copyOfRepository(tempDir);
        invalid.breakIt().accept(project);
        AtomicInteger engineStarts = new AtomicInteger();

        String stack = invalid.file().startsWith("Pulumi.prod-dr") ? "prod-dr" : PRIMARY;

        ConfigException error = assertThrows(ConfigException.class, () -> EdxstackProgram.launch(project.dir(), stack,
                project.rawConfig(stack), program -> engineStarts.incrementAndGet()));

        assertThat(error.problems())
                .anySatisfy(problem -> {
                    assertThat(problem.where()).isEqualTo(invalid.file());
                    assertThat(problem.key()).isEqualTo(invalid.key());
                    assertThat(problem.message()).contains(invalid.message());
                });
        assertThat(error.getMessage()).contains(invalid.file() + ": " + invalid.key() + ": ");
        assertThat(engineStarts).hasValue(0);
    }

    @Test
    void launch_severalProblems_reportsAllOfThemAtOnce() {
        TestProject project = TestProject.copyOfRepository(tempDir)
                .setConfig(PRIMARY, "edxstack:cluster.masterCount", "2")
                .setConfig(PRIMARY, "edxstack:role", "primary")
                .replace(DEMO, "lms: learn.demo.example.org", "lms: Learn_Demo");

        ConfigException error = assertThrows(ConfigException.class,
                () -> EdxstackProgram.launch(project.dir(), PRIMARY, project.rawConfig(PRIMARY), program -> { }));

        assertThat(error.problems()).extracting(Problem::key)
                .contains("edxstack:cluster.masterCount", "edxstack:role", "hosts.lms");
        assertThat(error.getMessage()).startsWith(error.problems().size() + " configuration problems, nothing was changed");
    }

    @Test
    void render_invalidInput_registersNoResourceUnderTheMockEngine() {
        TestProject project = TestProject.copyOfRepository(tempDir)
                .setConfig(PRIMARY, "edxstack:cluster.masterCount", "4");
        AtomicInteger registered = new AtomicInteger();

        assertThrows(ConfigException.class, () -> EdxstackProgram.launch(project.dir(), PRIMARY, project.rawConfig(PRIMARY),
                program -> PulumiTest.withMocks(args -> {
                    registered.incrementAndGet();
                    return java.util.concurrent.CompletableFuture.completedFuture(
                            com.pulumi.test.Mocks.ResourceResult.of(java.util.Optional.of(args.name), args.inputs));
                }).runTest(program)));

        assertThat(registered).hasValue(0);
    }

    @Test
    void launch_imageFromForbiddenRegistry_isOneProblemForItsKeyNamingEveryUser() {
        TestProject project = TestProject.copyOfRepository(tempDir)
                .replace(DEMO, "  openedx: localhost:5000/overhangio/openedx:22.0.3",
                        "  openedx: docker.io/overhangio/openedx:22.0.3");

        ConfigException error = assertThrows(ConfigException.class,
                () -> EdxstackProgram.launch(project.dir(), PRIMARY, project.rawConfig(PRIMARY), program -> { }));

        assertThat(error.problems()).filteredOn(problem -> problem.key().equals("images.openedx")).singleElement()
                .satisfies(problem -> assertThat(problem.message())
                        .contains("is not from a registry the policy set allows")
                        .contains("used by Deployment demo/cms, Deployment demo/cms-worker, Deployment demo/lms")
                        .contains("Job demo/lms-init-"));
    }
}
