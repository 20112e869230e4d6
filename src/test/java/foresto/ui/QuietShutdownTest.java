package foresto.ui;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A frame JavaFX tries to draw while the JVM shuts down is dropped quietly; everything else is still reported. */
class QuietShutdownTest {
    @Test
    void onlyARejectedFrameDuringShutdownIsDropped() throws Exception {
        assertThat(Startup.shuttingDown()).isFalse();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                QuietShutdownProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines().toList()).containsExactly(
                "reported RejectedExecutionException before",
                "reported IllegalStateException during");
    }
}
