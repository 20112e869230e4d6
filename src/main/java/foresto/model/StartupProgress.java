package foresto.model;

import java.util.Objects;

/**
 * One step of opening the database, as data: which {@link Step} and its one detail (the URL, data folder, process
 * id or count; empty when the step has none). The command line prints {@link #toString()}, the English sentence it
 * has always printed; the desktop app tells the step in its own language from the step's name, so a change of
 * wording here never silently leaves the splash in English.
 */
public record StartupProgress(Step step, String detail) {
    /** The steps in the order a start may take them (most starts take only some). */
    public enum Step {
        CONNECTING("Connecting to %s …"),
        STARTING("Starting the embedded PostgreSQL (data in %s) …"),
        STOPPING_LEFTOVER("Stopping the embedded PostgreSQL (pid %s) left running by an earlier Foresto …"),
        WAITING_ORPHANS("Waiting for %s process(es) of a PostgreSQL that stopped abruptly …"),
        PASSWORD("Protecting the embedded PostgreSQL with a password (one time) …"),
        MIGRATING("Migrating the schema …"),
        SEED_RULES("Loading the seed rules …"),
        SAMPLE_PORTFOLIOS("Loading sample portfolios …"),
        PORTFOLIO_60_40("Loading the 60/40 sample portfolio …"),
        SYNTHETIC_DATA("Generating the synthetic sample market data …"),
        MONTHLY_DATA("Loading the US monthly sample market data …");

        private final String english;

        Step(String english) {
            this.english = english;
        }
    }

    public StartupProgress {
        Objects.requireNonNull(step);
        detail = detail == null ? "" : detail;
    }

    /** A step without a detail. */
    public static StartupProgress of(Step step) {
        return new StartupProgress(step, "");
    }

    /** A step with its detail. */
    public static StartupProgress of(Step step, Object detail) {
        return new StartupProgress(step, String.valueOf(detail));
    }

    /** The English sentence of the command line's stderr, e.g. "Migrating the schema …". */
    @Override
    public String toString() {
        return step.english.contains("%s") ? step.english.replace("%s", detail) : step.english;
    }
}
