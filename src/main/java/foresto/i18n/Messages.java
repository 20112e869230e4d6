package foresto.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The messages of the lab in one language at a time. The language is chosen once, before the first screen is built
 * (the saved choice, else the machine's: Korean for a Korean locale, English otherwise); a change shows from the
 * next screen built, that is after a restart of the app.
 *
 * <p>{@link #tr(String, Object...)} without arguments returns the text as written in the bundle (as FXML's
 * {@code %key} does); with arguments it goes through {@link MessageFormat}, so those texts write a single quote as
 * {@code ''}. Numbers are best passed already formatted ({@link LocaleFormat}): a bare {@code Integer} would be
 * grouped, a year too.
 */
public final class Messages {
    /** The bundle's base name: {@code foresto/i18n/messages.properties} (English) and {@code messages_ko.properties}. */
    public static final String BUNDLE = "foresto.i18n.messages";
    /** The languages offered, the default first. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.KOREAN);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static volatile Locale locale = forMachine(Locale.getDefault());

    private Messages() {
    }

    /** The language of the messages now. */
    public static Locale locale() {
        return locale;
    }

    /** Uses {@code language} (one of {@link #LANGUAGES}; anything else means English) for the texts built from now on. */
    public static void use(Locale language) {
        locale = supported(language);
    }

    /** The language for a machine whose locale is {@code machine}: Korean for Korean, else English. */
    public static Locale forMachine(Locale machine) {
        return supported(machine);
    }

    /** The language named by {@code tag} ("ko", "en"), if it is one the lab offers. */
    public static Optional<Locale> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String lang = Locale.forLanguageTag(tag.trim()).getLanguage();
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(lang)).findFirst();
    }

    /** The bundle of the current language (the English one for keys it lacks). */
    public static ResourceBundle bundle() {
        return bundle(locale);
    }

    public static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, supported(language), NO_FALLBACK);
    }

    /** The message {@code key} in the current language, with {@code args} put in its {@code {0}}, {@code {1}} … */
    public static String tr(String key, Object... args) {
        return format(bundle(), key, args);
    }

    /** As {@link #tr} in {@code language}. */
    public static String in(Locale language, String key, Object... args) {
        return format(bundle(language), key, args);
    }

    /** Whether the bundles hold {@code key}. */
    public static boolean has(String key) {
        return bundle().containsKey(key);
    }

    private static String format(ResourceBundle b, String key, Object... args) {
        String text;
        try {
            text = b.getString(key);
        } catch (MissingResourceException e) {
            return key; // a missing text shows its key rather than stopping the screen (a test keeps keys complete)
        }
        return args.length == 0 ? text : new MessageFormat(text, b.getLocale()).format(args);
    }

    private static Locale supported(Locale l) {
        return l != null && l.getLanguage().equals(Locale.KOREAN.getLanguage()) ? Locale.KOREAN : Locale.ENGLISH;
    }
}
