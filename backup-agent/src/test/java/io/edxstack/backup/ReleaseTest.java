package io.edxstack.backup;

import io.edxstack.backup.contract.Release;
import io.edxstack.testing.AgentProcess;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent names the release it is: the Maven project's version, never a placeholder. */
class ReleaseTest {
    @Test
    void release_isTheMavenProjectVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getDocumentElement();
        String version = project.getElementsByTagName("version").item(0).getTextContent().strip();
        assertThat(((Element) project.getElementsByTagName("version").item(0).getParentNode()).getTagName())
                .isEqualTo("project");

        assertThat(Release.version()).isEqualTo(version);
        assertThat(ToolVersions.agent()).isEqualTo("edxstack " + version);
    }

    @Test
    void agentJar_namesTheRelease_inItsManifestAndForVersion() throws Exception {
        String version = projectVersion();
        try (JarFile jar = new JarFile(AgentProcess.jar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION))
                    .isEqualTo(version);
        }
        AgentProcess.Result result = AgentProcess.startAsContainer(List.of("-XX:+UseSerialGC"), Map.of(),
                List.of("--version")).await(60);
        assertThat(result.exitCode()).as(result::toString).isZero();
        assertThat(result.stdout().strip()).isEqualTo("edxstack " + version);
    }

    /** The project's version, read from pom.xml, for tests that check what the agent records. */
    static String projectVersion() {
        try {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(Path.of("pom.xml").toFile()).getDocumentElement();
            return project.getElementsByTagName("version").item(0).getTextContent().strip();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read pom.xml", e);
        }
    }
}
