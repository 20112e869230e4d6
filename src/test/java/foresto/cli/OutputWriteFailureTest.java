package foresto.cli;

import foresto.config.AppConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A failed write to stdout or stderr (disk full, closed stream) ends the command with WRITE_FAILED and exit 1. */
class OutputWriteFailureTest {
    @TempDir
    Path dir;

    /** An output stream whose every write fails, like a full disk or a closed descriptor. */
    static final class FailingStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    private Path returns() throws IOException {
        StringBuilder sb = new StringBuilder("date,SP500,UST10Y\n");
        LocalDate d = LocalDate.of(2024, 1, 2);
        for (int i = 0; i < 40; i++, d = d.plusDays(d.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
            sb.append(d).append(',').append(i % 2 == 0 ? "0.012" : "-0.004").append(",-0.001\n");
        }
        Path p = dir.resolve("r.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    private String[] simulate() throws IOException {
        return new String[] {"simulate", "--returns", returns().toString(), "--columns", "SP500=EQUITY,UST10Y=BOND",
                "--weights", "EQUITY=0.6,BOND=0.4"};
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err) {
        return Main.run(args, AppConfig.of(Map.of("FORESTO_CONFIG", "/nonexistent/foresto.properties")), out, err);
    }

    @Test
    void theSameCommandSucceedsWhenItsOutputArrives() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(simulate(), new PrintWriter(out, true), new PrintWriter(err, true))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"off\"");
    }

    @Test
    void aFailedStdoutIsWriteFailedOnStderrAndExitOne() throws Exception {
        StringWriter err = new StringWriter();
        int code = run(simulate(), new PrintWriter(new FailingStream(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("error: WRITE_FAILED: cannot write to standard output");
    }

    @Test
    void aFailedStderrAloneStillEndsWithExitOne() throws Exception {
        StringWriter out = new StringWriter();
        PrintWriter err = new PrintWriter(new FailingStream(), true);
        err.println("… progress");
        assertThat(run(simulate(), new PrintWriter(out, true), err)).isEqualTo(1);
    }

    @Test
    void bothFailedLeavesOnlyTheExitCode() throws Exception {
        assertThat(run(simulate(), new PrintWriter(new FailingStream(), true), new PrintWriter(new FailingStream(), true)))
                .isEqualTo(1);
    }

    @Test
    void aCommandThatAlreadyFailedKeepsItsOwnCode() {
        StringWriter err = new StringWriter();
        int code = run(new String[] {"simulate", "--returns", dir.resolve("missing.csv").toString(), "--columns", "A=EQUITY",
                "--weights", "EQUITY=1"}, new PrintWriter(new FailingStream(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
    }

    @Test
    void aRealProcessWritingToDevFullExitsOneWithWriteFailed() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists() && full.canWrite(), "no /dev/full on this system");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "foresto.cli.Main"));
        cmd.addAll(List.of(simulate()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("FORESTO_CONFIG", "/nonexistent/foresto.properties");
        pb.redirectOutput(full);
        Path errFile = dir.resolve("stderr.txt");
        pb.redirectError(errFile.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(errFile);
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains("error: WRITE_FAILED: cannot write to standard output").doesNotContain("Exception");
    }
}
