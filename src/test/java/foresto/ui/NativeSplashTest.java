package foresto.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Handing the launcher's splash over to the app's JVM, and closing it when that JVM says its window is drawn. */
class NativeSplashTest {
    @TempDir
    Path dir;

    @Test
    void whenASplashShowsTheChildIsToldWhereToSignalBeforeTheJarOption() {
        List<String> cmd = new ArrayList<>(List.of("java", "-Xshare:auto", "-jar", "foresto.jar", "--x"));
        Optional<Path> marker = NativeSplash.handOver(cmd, dir, true);
        assertThat(marker).isPresent();
        assertThat(marker.get().getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(marker.get()).doesNotExist();
        assertThat(cmd).containsExactly("java", "-Xshare:auto", "-D" + NativeSplash.MARKER + "=" + marker.get(),
                "-Djava.awt.headless=true", "-jar", "foresto.jar", "--x");

        List<String> none = new ArrayList<>(List.of("java", "-jar", "foresto.jar"));
        assertThat(NativeSplash.handOver(none, dir, false)).isEmpty();
        assertThat(none).containsExactly("java", "-jar", "foresto.jar");
        List<String> noJar = new ArrayList<>(List.of("java", "-cp", "x", "Main"));
        assertThat(NativeSplash.handOver(noJar, dir, true)).isEmpty();
        assertThat(noJar).hasSize(4);
    }

    @Test
    void theChildSignalsByCreatingTheMarkerAndTheFirstJvmStopsWaitingAndRemovesIt() throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", "foresto.jar"));
        Path marker = NativeSplash.handOver(cmd, dir, true).orElseThrow();
        Process child = sleeper();
        try {
            Thread waiting = NativeSplash.closeWhenDrawn(marker, child);
            Thread.sleep(150);
            assertThat(waiting.isAlive()).as("waits while the child runs and has not drawn").isTrue();
            // what the child does once its window is drawn
            System.setProperty(NativeSplash.MARKER, marker.toString());
            try {
                NativeSplash.close(); // no splash in this headless JVM: only the marker
            } finally {
                System.clearProperty(NativeSplash.MARKER);
            }
            waiting.join(5000);
            assertThat(waiting.isAlive()).isFalse();
            assertThat(marker).doesNotExist();
            assertThat(child.isAlive()).as("the child runs on").isTrue();
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aChildThatEndsWithoutDrawingEndsTheWaitToo() throws Exception {
        Path marker = NativeSplash.handOver(new ArrayList<>(List.of("java", "-jar", "j")), dir, true).orElseThrow();
        Process child = sleeper();
        Thread waiting = NativeSplash.closeWhenDrawn(marker, child);
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        waiting.join(5000);
        assertThat(waiting.isAlive()).isFalse();
    }

    @Test
    void aHeadlessJvmHasNoSplashAndClosingNoneIsHarmless() {
        assertThat(NativeSplash.showing()).isFalse(); // the tests run with java.awt.headless=true
        NativeSplash.close();
        assertThat(NativeSplash.showing()).isFalse();
    }

    /** A process that runs until it is stopped. */
    private static Process sleeper() throws IOException {
        return new ProcessBuilder("sleep", "120").start();
    }
}
