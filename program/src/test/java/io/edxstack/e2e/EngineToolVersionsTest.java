package io.edxstack.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edxstack.cluster.KubernetesPlugin;
import io.edxstack.render.DesiredState;
import io.edxstack.render.RenderedResource;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine the end-to-end suite builds is the engine production runs: the CLI and Kubernetes provider versions Zuul
 * installs (config-project/roles/edxstack-pulumi) are the ones engine/versions.properties stamps, the program's
 * Kubernetes resources request that provider and the jar announces it, and each wrapper module's go.mod pins the
 * module release of the version the script names.
 */
class EngineToolVersionsTest {
    private static final Path ROOT = TestProject.REPOSITORY;
    private final Properties versions = EngineTools.versions();

    @Test
    void pulumiCli_builtForTests_isTheVersionZuulInstalls() throws IOException {
        var role = new YAMLMapper().readTree(ROOT.resolve("config-project/roles/edxstack-pulumi/defaults/main.yaml").toFile());

        assertThat(role.path("edxstack_pulumi_version").asText()).isEqualTo(versions.getProperty("pulumi"));
    }

    @Test
    void kubernetesProvider_builtForTests_isTheOneZuulInstallsAndTheProgramRequests() throws IOException {
        String version = versions.getProperty(KubernetesPlugin.VERSIONS_KEY);
        var role = new YAMLMapper().readTree(ROOT.resolve("config-project/roles/edxstack-pulumi/defaults/main.yaml").toFile());
        List<String> installed = new ArrayList<>();
        role.path("edxstack_pulumi_plugins").forEach(plugin -> {
            if (plugin.path("name").asText().equals("kubernetes")) {
                installed.add(plugin.path("version").asText());
            }
        });

        assertThat(installed).containsExactly(version);
        assertThat(KubernetesPlugin.VERSION).isEqualTo(version);
        // The provider may be newer than the schema the Java SDK was generated from, never older.
        assertThat(release(version)).isGreaterThanOrEqualTo(release(sdkSchemaVersion()));
    }

    @Test
    void render_everyKubernetesResourceAndProvider_requestsTheProviderOfTheEngineBuild() {
        String version = versions.getProperty(KubernetesPlugin.VERSIONS_KEY);
        for (DesiredState state : List.of(TestProject.REPOSITORY_RENDER.primary(), TestProject.REPOSITORY_RENDER.dr())) {
            List<RenderedResource> kubernetes = state.resources().stream()
                    .filter(r -> r.state().type().startsWith("kubernetes:") || r.state().type().equals("pulumi:providers:kubernetes"))
                    .toList();
            assertThat(kubernetes).as(state.stack()).hasSizeGreaterThan(5)
                    .anySatisfy(r -> assertThat(r.state().type()).isEqualTo("pulumi:providers:kubernetes"))
                    .allSatisfy(r -> assertThat(r.version()).as(r.state().urn()).isEqualTo(version));
        }
    }

    @Test
    void jar_announcesTheProviderOfTheEngineBuild() throws IOException {
        // The Java language host tells the CLI which plugins to install from the com/pulumi/*/plugin.json files; the
        // shaded jar keeps the build's own (the SDK's copy is excluded in pom.xml).
        Path announced = ROOT.resolve("program/target/classes/com/pulumi/kubernetes/plugin.json");
        var plugin = new ObjectMapper().readTree(announced.toFile());

        assertThat(plugin.path("name").asText()).isEqualTo("kubernetes");
        assertThat(plugin.path("resource").asBoolean()).isTrue();
        assertThat(plugin.path("version").asText()).isEqualTo(versions.getProperty(KubernetesPlugin.VERSIONS_KEY));
        assertThat(Files.readString(ROOT.resolve("program/pom.xml")))
                .contains("<artifact>com.pulumi:kubernetes</artifact>")
                .contains("<exclude>com/pulumi/kubernetes/plugin.json</exclude>");
    }

    @Test
    void wrapperModules_pinTheVersionsTheScriptStamps() throws IOException {
        assertThat(required("pulumi", "github.com/pulumi/pulumi/pkg/v3")).isEqualTo("v" + versions.getProperty("pulumi"));
        assertThat(required("kubernetes", "k8s.io/kubernetes")).isEqualTo("v" + versions.getProperty("kubernetes"));
        assertThat(required("etcd", "go.etcd.io/etcd/server/v3")).isEqualTo("v" + versions.getProperty("etcd"));
        // The provider's release tag is not a Go module version: the proxy serves it as a pseudo-version.
        assertThat(versions.getProperty("pulumi-resource-kubernetes")).isEqualTo("4.25.0");
        assertThat(required("pulumi-resource-kubernetes", "github.com/pulumi/pulumi-kubernetes/provider/v4"))
                .isEqualTo("v4.0.0-20260115033456-f47bc2d6f199");
        // Our bridged OpenStack provider: the Terraform release and the bridge release its version names.
        String openstack = versions.getProperty("pulumi-resource-openstack");
        assertThat(openstack).matches("\\d+\\.\\d+\\.\\d+-bridge\\d+\\.\\d+\\.\\d+");
        assertThat(required("pulumi-resource-openstack", "github.com/terraform-provider-openstack/terraform-provider-openstack/v3"))
                .isEqualTo("v" + openstack.substring(0, openstack.indexOf("-bridge")));
        assertThat(required("pulumi-resource-openstack", "github.com/pulumi/pulumi-terraform-bridge/v3"))
                .isEqualTo("v" + openstack.substring(openstack.indexOf("-bridge") + "-bridge".length()));
        assertThat(versions.getProperty("openstack-schema")).isEqualTo(openstack.substring(0, openstack.indexOf("-bridge")));
    }

    @Test
    void kubernetesWrapper_replacesEveryStagingModuleWithTheSameRelease() throws IOException {
        String goMod = Files.readString(ROOT.resolve("engine/kubernetes/go.mod"));
        String minor = versions.getProperty("kubernetes").replaceFirst("^1\\.", "0.");
        Matcher replace = Pattern.compile("(?m)^\\s+(k8s\\.io/[\\w.-]+) => (k8s\\.io/[\\w.-]+) (v\\S+)$").matcher(goMod);
        int count = 0;
        while (replace.find()) {
            assertThat(replace.group(2)).isEqualTo(replace.group(1));
            assertThat(replace.group(3)).as(replace.group(1)).isEqualTo("v" + minor);
            count++;
        }
        assertThat(count).isGreaterThan(20);
    }

    /** MAJOR.MINOR.PATCH as one comparable number (each part below 10,000). */
    private static long release(String version) {
        long value = 0;
        for (String part : version.split("\\.")) {
            value = value * 10_000 + Integer.parseInt(part);
        }
        return value;
    }

    /** The version the com.pulumi:kubernetes SDK stamps on resources, read from the SDK jar itself. */
    private static String sdkSchemaVersion() throws IOException {
        try (InputStream in = com.pulumi.kubernetes.Provider.class.getResourceAsStream("version.txt")) {
            assertThat(in).as("version.txt of com.pulumi:kubernetes").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static String required(String wrapper, String module) throws IOException {
        String goMod = Files.readString(ROOT.resolve("engine/" + wrapper + "/go.mod"));
        Matcher line = Pattern.compile("(?m)^\\s*(?:require\\s+)?" + Pattern.quote(module) + " (v\\S+)").matcher(goMod);
        assertThat(line.find()).as(module + " in engine/" + wrapper + "/go.mod").isTrue();
        return line.group(1);
    }
}
