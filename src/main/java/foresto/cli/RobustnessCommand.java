package foresto.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code foresto robustness …}: how sure is the answer (SEMANTICS §12)? One subcommand per study. */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = "Robustness studies on a returns CSV (no database): how sure is the answer?",
        subcommands = {RobustnessWindowsCommand.class})
final class RobustnessCommand implements Runnable {
    @ParentCommand
    Main main;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
