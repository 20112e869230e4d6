package foresto.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Launching the app with no display gives one line naming the headless report command, not a stack trace. */
class NoDisplayLaunchTest {

    record Outcome(int exitCode, String output) {
    }

    /** The real launcher in a child JVM with no display; {@code jvmOptions} go before the class path. */
    static Outcome launchWithoutDisplay(String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "foresto.cli.Main"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(), new String(p.getInputStream().readAllBytes()).trim());
    }

    @Test
    void noDisplayMeansOneLineAndExitTwo() throws Exception {
        Outcome o = launchWithoutDisplay();
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.output().lines()).hasSize(1);
        assertThat(o.output()).startsWith("error: no display available").contains("report --portfolio").doesNotContain("Exception");
    }

    @Test
    void underMavenTheOneLineIsAllAndTheExitIsClean() throws Exception {
        Outcome o = launchWithoutDisplay("-Dforesto.launchedBy=maven");
        assertThat(o.exitCode()).isZero();
        assertThat(o.output().lines()).hasSize(1);
        assertThat(o.output()).startsWith("error: no display available");
    }
}
