package foresto.ui.i18n;

import foresto.i18n.Messages;
import foresto.ui.common.UiState;

import java.util.Locale;

/** The language of the desktop app: the one remembered in the UI state, else the machine's (Korean or English). */
public final class UiLanguage {
    private UiLanguage() {
    }

    /** The language {@code state} remembers, else the one for the machine's locale {@code machine}. */
    public static Locale chosen(UiState state, Locale machine) {
        return state.get(UiState.LANGUAGE).flatMap(Messages::parse).orElse(Messages.forMachine(machine));
    }

    /**
     * Uses the chosen language for every screen built from now on (call before the first one): our texts, and
     * JavaFX's own (an empty table's "No content in table", the date picker's month names), which JavaFX takes from
     * the JVM's default locale when its first control is built — so that default follows a choice that differs
     * from the machine's language.
     */
    public static Locale apply(UiState state) {
        Locale l = chosen(state, Locale.getDefault());
        Messages.use(l);
        if (!l.getLanguage().equals(Locale.getDefault().getLanguage())) {
            Locale.setDefault(l);
        }
        return l;
    }

    /** Remembers {@code language} for the next start (written at once). */
    public static void remember(UiState state, Locale language) {
        state.put(UiState.LANGUAGE, language.getLanguage());
        state.save();
    }
}
