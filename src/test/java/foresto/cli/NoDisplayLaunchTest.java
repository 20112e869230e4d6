package foresto.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Launching the app with no display gives one line naming the headless report command, not a stack trace. */
class NoDisplayLaunchTest {

    @Test
    void noDisplayMeansOneLineAndExitTwo() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "foresto.cli.Main");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out.lines()).hasSize(1);
        assertThat(out).startsWith("error: no display available").contains("report --portfolio").doesNotContain("Exception");
    }

    @Test
    void underMavenTheOneLineIsAllAndTheExitIsClean() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Dforesto.launchedBy=maven", "-cp", System.getProperty("java.class.path"),
                "foresto.cli.Main");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.exitValue()).isZero();
        assertThat(out.lines()).hasSize(1);
        assertThat(out).startsWith("error: no display available");
    }
}
