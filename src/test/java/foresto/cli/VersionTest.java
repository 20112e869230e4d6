package foresto.cli;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --version} names the version the pom builds, not a number typed into the code. */
class VersionTest {
    @Test
    void versionIsThePomsProjectVersion() throws Exception {
        String pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement().getElementsByTagName("version").item(0).getTextContent().trim();
        CliRunner.Result r = CliRunner.off("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("Foresto Rebalancing Lab " + pom);
    }
}
