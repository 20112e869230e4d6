package foresto.cli;

import foresto.config.AppConfig;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in-process with a chosen environment and captures its streams. */
public final class CliRunner {
    public record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    public static Result run(Map<String, String> env, String... args) {
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("FORESTO_CONFIG", "/nonexistent/foresto.properties");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, AppConfig.of(e), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    public static Result on(String... args) {
        return run(Map.of("USE_REBALANCING", "1"), args);
    }

    public static Result off(String... args) {
        return run(Map.of(), args);
    }
}
