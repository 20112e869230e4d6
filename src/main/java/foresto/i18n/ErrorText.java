package foresto.i18n;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

/**
 * An error as the analyst reads it: what went wrong in plain words (one message per {@link ErrorCode}, key
 * {@code error.} + the code's name), then a details line with the stable code and the technical message, which is
 * what a support request or a search needs.
 */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(ForestoException e) {
        return of(e.code(), e.getMessage());
    }

    /** The plain sentence for {@code code}, a line break, and "Details: CODE: message". */
    public static String of(ErrorCode code, String message) {
        return plain(code) + "\n" + details(code, message);
    }

    /** The plain sentence for {@code code} alone. */
    public static String plain(ErrorCode code) {
        return Messages.tr("error." + code.name());
    }

    /** "Details: CODE: message" (just the code when there is no message). */
    public static String details(ErrorCode code, String message) {
        return message == null || message.isBlank()
                ? Messages.tr("error.details", code.name())
                : Messages.tr("error.detailsWithMessage", code.name(), message);
    }
}
