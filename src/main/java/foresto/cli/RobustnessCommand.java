package foresto.cli;

import picocli.CommandLine.Command;

/**
 * {@code foresto robustness …}: how sure is the answer (SEMANTICS §12)? Studies on a returns CSV, no database; each
 * prints one JSON object.
 */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = "Robustness studies on a returns CSV (no database): is a rule's result a property of the rule or luck?",
        subcommands = {RobustnessTimingCommand.class, RobustnessWindowsCommand.class, RobustnessBootstrapCommand.class})
final class RobustnessCommand extends CommandGroup {
}
