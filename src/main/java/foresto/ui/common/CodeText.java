package foresto.ui.common;

import foresto.i18n.Messages;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Locale;

/**
 * A stored code (a rule kind, calendar, band, base day, missing-data policy) as the analyst reads it: its words from
 * the bundles (key {@code rules.code.} + the code), the code itself where the bundles have none. The code stays what
 * the boxes hold, the store keeps and the command line, CSV and JSON write.
 */
public final class CodeText {
    /** The bundles' prefix of a code's words. */
    static final String PREFIX = "rules.code.";

    private CodeText() {
    }

    /** The words for {@code code} (an enum constant or its name); "" for null. */
    public static String of(Object code) {
        return words(PREFIX, code);
    }

    /**
     * The bundles' text of key {@code prefix} + {@code code} (upper case: the sweep's form writes its calendars in lower
     * case), the code itself where there is none; "" for null or an empty code.
     */
    static String words(String prefix, Object code) {
        if (code == null) {
            return "";
        }
        String c = code instanceof Enum<?> e ? e.name() : code.toString();
        String key = prefix + c.toUpperCase(Locale.ROOT);
        return c.isEmpty() ? "" : Messages.has(key) ? Messages.tr(key) : c;
    }

    /** A converter for a box of {@code codes}: shows each one's words; the box's value stays the code. */
    public static <T> StringConverter<T> converter(List<T> codes) {
        return new StringConverter<>() {
            @Override
            public String toString(T code) {
                return of(code);
            }

            @Override
            public T fromString(String shown) {
                return codes.stream().filter(c -> of(c).equals(shown)).findFirst().orElse(null);
            }
        };
    }
}
