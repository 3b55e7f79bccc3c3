package io.edxstack.backup;

import io.edxstack.backup.contract.Release;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent names the release it is: the Maven project's version, never a placeholder. */
class ReleaseTest {
    @Test
    void release_isTheMavenProjectVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(TestProject.REPOSITORY.resolve("pom.xml").toFile()).getDocumentElement();
        String version = project.getElementsByTagName("version").item(0).getTextContent().strip();
        assertThat(((Element) project.getElementsByTagName("version").item(0).getParentNode()).getTagName())
                .isEqualTo("project");

        assertThat(Release.version()).isEqualTo(version);
        assertThat(ToolVersions.agent()).isEqualTo("edxstack " + version);
    }

    /** The project's version, read from pom.xml, for tests that check what the agent records. */
    static String projectVersion() {
        try {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(TestProject.REPOSITORY.resolve("pom.xml").toFile()).getDocumentElement();
            return project.getElementsByTagName("version").item(0).getTextContent().strip();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read pom.xml", e);
        }
    }
}
