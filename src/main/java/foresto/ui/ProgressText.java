package foresto.ui;

import foresto.i18n.Messages;
import foresto.model.StartupProgress;

import java.util.Locale;

/**
 * The database's start-up steps in the app's language for the splash and the status: each step's sentence is the
 * bundle's {@code progress.} + the step's name in lower camel case, its detail (URL, folder, pid, count) put in.
 * The command line prints the step's English sentence ({@link StartupProgress#toString()}) instead.
 */
final class ProgressText {
    private ProgressText() {
    }

    /** {@code p} in the app's language; null stays null. */
    static String of(StartupProgress p) {
        return p == null ? null : Messages.tr(key(p.step()), p.detail());
    }

    /** "progress." + the step in lower camel case: MIGRATING → progress.migrating, SEED_RULES → progress.seedRules. */
    static String key(StartupProgress.Step step) {
        StringBuilder sb = new StringBuilder("progress.");
        boolean upper = false;
        for (char c : step.name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
