package foresto.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop app started as a user starts it ({@code foresto.cli.Main} with no arguments, headless Monocle in a
 * child JVM, a new data directory), twice: each start reaches every milestone of the start-up log in order — the
 * window built, attached, usable and drawn, the warm-up, the tabs not in view attached, the tables primed — with
 * nothing on stderr but the milestones, and a TERM stops the app and its embedded PostgreSQL. The second start is
 * started as the first JVM starts the app's JVM when the java launcher shows its splash: no JavaFX splash then, and
 * the marker that closes the launcher's splash is created once the main window is drawn.
 */
class DesktopStartTest {
    @TempDir
    Path data;

    private static final Pattern MILESTONE = Pattern.compile("^startup: (.+?)\\s+(\\d+) ms after JVM start$");

    private List<String> start(String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtestfx.headless=true", "-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Djava.awt.headless=true", "-Dheadless.geometry=1600x1000-32"));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "foresto.cli.Main"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("FORESTO_DATA_DIR", data.toString());
        pb.environment().put("FORESTO_STARTUP_LOG", "1");
        pb.environment().put("USE_REBALANCING", "1");
        pb.environment().remove("FORESTO_DB_URL");
        // output to a file, read when the process is done (a pipe read while the process exits can fail)
        Path out = Files.createTempFile(data, "app", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (!Files.readString(out).contains("tables primed") && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(out)).as("all milestones within 150 s").contains("tables primed");
            // TERM while JavaFX draws a frame races with JavaFX's own shutdown hook: its renderer may stop first, and
            // JavaFX prints the refused frame's stack trace itself (PaintCollector); the screen is idle a moment after
            // the last milestone
            Thread.sleep(1000);
            p.destroy(); // TERM, as a window manager or the session ending sends
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped after TERM").isTrue();
        } finally {
            p.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(out);
        Files.delete(out);
        return lines;
    }

    private static List<String> milestones(List<String> lines) {
        List<String> names = new ArrayList<>();
        long last = -1;
        for (String l : lines) {
            Matcher m = MILESTONE.matcher(l);
            if (m.matches()) {
                names.add(m.group(1));
                long t = Long.parseLong(m.group(2));
                assertThat(t).as("times grow: " + l).isGreaterThanOrEqualTo(last);
                last = t;
            }
        }
        return names;
    }

    @Test
    void aFirstAndASecondStartReachEveryMilestoneAndTermStopsEverything() throws Exception {
        Path marker = data.resolve("splash.drawn");
        for (int start = 1; start <= 2; start++) {
            // the second start is told, as the first JVM tells the app's JVM when the java launcher shows its splash,
            // where to signal that its window is drawn: it then shows no splash of its own
            List<String> lines = start == 1 ? start() : start("-D" + NativeSplash.MARKER + "=" + marker);
            List<String> names = milestones(lines);
            assertThat(names).as(String.join("\n", lines))
                    .containsSubsequence("launcher", "main window built", "theme and font ready",
                            "main window attached", "main window shown", "usable (lists loaded)", "usable and drawn",
                            "warm-up done", "all tabs attached", "tables primed (4)")
                    .contains("database ready");
            if (start == 1) {
                assertThat(names).containsSubsequence("launcher", "splash shown", "main window built")
                        .doesNotContain("launcher splash closed");
                assertThat(marker).doesNotExist();
            } else {
                assertThat(names).doesNotContain("splash shown").containsSubsequence("main window shown", "launcher splash closed");
                assertThat(marker).as("the first JVM's splash is told to close").exists();
            }
            assertThat(names.indexOf("database ready")).isLessThan(names.indexOf("main window attached"));
            // nothing else was printed: no warning, no stack trace
            assertThat(lines.stream().filter(l -> !MILESTONE.matcher(l).matches()).toList())
                    .as("start " + start).isEmpty();
            // the embedded server stopped with the app
            assertThat(data.resolve("pgdata/postmaster.pid")).as("start " + start).doesNotExist();
        }
        assertThat(Files.exists(data.resolve("pgdata/PG_VERSION"))).isTrue();
        // the bundled font is loaded from files kept in the data directory (not copied to a temp file per start)
        try (var fonts = Files.list(data.resolve("fonts"))) {
            assertThat(fonts.map(f -> f.getFileName().toString()).toList())
                    .allMatch(n -> n.matches("NotoSansKR_(400Regular|700Bold)-\\d+\\.ttf")).hasSize(2);
        }
    }
}
