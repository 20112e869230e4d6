package foresto.ui;

import foresto.i18n.Messages;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's start-up progress messages (written in English for the command line's stderr) in the app's
 * language for the splash and the status: each known message is matched and told again from the bundles; an
 * unknown one is shown as it came.
 */
final class ProgressText {
    private record Known(Pattern english, String key) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known(Pattern.compile("Connecting to (.+) …"), "progress.connecting"),
            new Known(Pattern.compile("Starting the embedded PostgreSQL \\(data in (.+)\\) …"), "progress.starting"),
            new Known(Pattern.compile("Migrating the schema …"), "progress.migrating"),
            new Known(Pattern.compile("Protecting the embedded PostgreSQL with a password \\(one time\\) …"), "progress.password"),
            new Known(Pattern.compile("Loading the seed rules …"), "progress.seedRules"),
            new Known(Pattern.compile("Loading sample portfolios …"), "progress.samplePortfolios"),
            new Known(Pattern.compile("Loading the 60/40 sample portfolio …"), "progress.portfolio6040"),
            new Known(Pattern.compile("Generating the synthetic sample market data …"), "progress.syntheticData"),
            new Known(Pattern.compile("Loading the US monthly sample market data …"), "progress.monthlyData"),
            new Known(Pattern.compile("Stopping the embedded PostgreSQL \\(pid (\\d+)\\) left running by an earlier Foresto …"),
                    "progress.stoppingLeftover"),
            new Known(Pattern.compile("Waiting for (\\d+) process\\(es\\) of a PostgreSQL that stopped abruptly …"),
                    "progress.waitingOrphans"));

    private ProgressText() {
    }

    /** {@code message} in the app's language when it is a known one, else as it is. */
    static String of(String message) {
        if (message == null) {
            return null;
        }
        for (Known k : KNOWN) {
            Matcher m = k.english().matcher(message);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return Messages.tr(k.key(), args);
            }
        }
        return message;
    }
}
