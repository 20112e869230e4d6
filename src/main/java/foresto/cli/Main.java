package foresto.cli;

import foresto.backtest.Backend;
import foresto.backtest.Failures;
import foresto.config.AppConfig;
import foresto.config.Secrets;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.i18n.Messages;
import foresto.ui.DesktopLauncher;
import foresto.ui.SharedArchive;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Entry point of {@code foresto.jar}. With no command it opens the desktop app; otherwise it runs one
 * command. Errors print one line {@code error: CODE: message} (never a stack trace) and exit with 2 for
 * input errors, 1 for failures on our side.
 */
@Command(name = "foresto", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Foresto Rebalancing Lab: rebalancing backtests on asset classes.",
        subcommands = {SimulateCommand.class, SweepCommand.class, ExportReturnsCommand.class, RunCommand.class, DbCommand.class, ImportReturnsCommand.class,
                StudyCommand.class,
                ExportEventsCommand.class, QualityReportCommand.class, ServeCommand.class, ReportCommand.class, RobustnessCommand.class, Main.App.class,
                PortfolioCommand.class})
public final class Main implements Runnable {

    private final AppConfig config;

    Main(AppConfig config) {
        this.config = config;
    }

    AppConfig config() {
        return config;
    }

    /** Starts the database and services for a command; progress goes to stderr, results to stdout. */
    Backend startBackend(picocli.CommandLine.Model.CommandSpec spec) {
        return Backend.start(config, msg -> spec.commandLine().getErr().println("… " + msg));
    }

    public static void main(String[] args) {
        SharedArchive.forCommandLine(); // the installed image only: its class-data-sharing archive where it lives
        if (args.length == 0) {
            int code = DesktopLauncher.launch(args, new PrintWriter(System.err, true));
            if (code != 0) {
                System.exit(code);
            }
            return;
        }
        System.exit(run(args, AppConfig.load(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs a command line with the given configuration and returns its exit code (tests capture the streams).
     * Every write to stdout and stderr is checked once the command is done: if either failed (disk full, stream
     * closed) a command that would have succeeded ends with {@code WRITE_FAILED} and exit 1, reported on stderr
     * when stdout failed (and by the exit code alone when stderr failed too). A command that already failed
     * keeps its own exit code.
     */
    public static int run(String[] args, AppConfig config, PrintWriter out, PrintWriter err) {
        Messages.use(Locale.ENGLISH); // the command line and its pictures (--png) speak English whatever the machine's locale
        CommandLine cl = commandLine(config, out, err);
        int code = cl.execute(args);
        return checkWrites(code, out, err);
    }

    /** The exit code after checking that everything written to {@code out} and {@code err} arrived. */
    static int checkWrites(int code, PrintWriter out, PrintWriter err) {
        boolean outFailed = out.checkError();
        boolean errFailed = err.checkError();
        if (!outFailed && !errFailed) {
            return code;
        }
        if (outFailed && !errFailed) {
            err.println("error: " + new ForestoException(ErrorCode.WRITE_FAILED,
                    "cannot write to standard output (disk full or stream closed); the output is incomplete").describe());
            err.flush();
        }
        return code == 0 ? ErrorCode.WRITE_FAILED.exitCode() : code;
    }

    static CommandLine commandLine(AppConfig config, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main(config));
        cl.setOut(out);
        cl.setErr(err);
        String[] secrets = {config.dbPassword().orElse(null), Secrets.passwordInUrl(config.dbUrl().orElse(null))};
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine where = ex.getCommandLine();
            String help = where == null ? "foresto --help" : where.getCommandSpec().qualifiedName() + " --help";
            String unknown = where == null || where.getParseResult() == null ? null
                    : where.getParseResult().unmatched().stream().filter(a -> a.startsWith("-")).findFirst().orElse(null);
            String what = unknown != null && !(ex instanceof CommandLine.UnmatchedArgumentException)
                    ? "Unknown option: '" + unknown + "'" : ex.getMessage();
            ForestoException fe = new ForestoException(ErrorCode.INVALID_ARGUMENT, singleLine(what) + " (see " + help + ")");
            err.println("error: " + Secrets.redact(fe.describe(), secrets));
            err.flush();
            return fe.code().exitCode();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            ForestoException fe = Failures.of(ex);
            err.println("error: " + Secrets.redact(fe.describe(), secrets));
            if (System.getenv("FORESTO_DEBUG") != null) {
                StringWriter trace = new StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                err.print(Secrets.redact(trace.toString(), secrets));
            }
            err.flush();
            return fe.code().exitCode();
        });
        return cl;
    }

    /** The message on one printable line: control characters (a newline in an argument, say) shown as \\uXXXX. */
    static String singleLine(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(message.length());
        message.strip().codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** {@code foresto app}: the same as no command. */
    @Command(name = "app", description = "Open the desktop app (the same as running without a command).")
    static final class App implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = DesktopLauncher.SMOKE_EXIT,
                description = "Close by itself once the main window is drawn (exit 0): checks an installation; "
                        + "without a display it runs headless.")
        boolean smokeExit;

        @Override
        public Integer call() {
            String[] args = smokeExit ? new String[] {"app", DesktopLauncher.SMOKE_EXIT} : new String[0];
            return DesktopLauncher.launch(args, spec.commandLine().getErr());
        }
    }
}
