package foresto.ui.common;

import foresto.backtest.Failures;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.i18n.ErrorText;
import foresto.i18n.Messages;

/**
 * A failure as the analyst sees it: a stable code and a readable message (never a stack trace). {@code sentence}, when
 * not null, is a plain sentence for this very failure (in the analyst's language) that replaces the code's general one.
 */
public record UiError(String title, ErrorCode code, String message, String sentence) {

    public UiError(String title, ErrorCode code, String message) {
        this(title, code, message, null);
    }

    public static UiError of(String title, Throwable t) {
        ForestoException fe = Failures.of(t);
        return new UiError(title, fe.code(), fe.getMessage(), fe instanceof PlainFailure p ? p.sentence() : null);
    }

    public String describe() {
        return code + ": " + message;
    }

    /**
     * The failure in one line for a status bar: the code and the technical message first (what a search or a support
     * request needs, as the status always showed it), then the plain sentence in the analyst's language.
     */
    public String status() {
        return Messages.tr("error.status", plainSentence(), code.name(), message == null ? "" : message);
    }

    /** What went wrong in plain words (the analyst's language), then a details line with the code and the message. */
    public String plain() {
        return plainSentence() + "\n" + ErrorText.details(code, message);
    }

    private String plainSentence() {
        return sentence != null ? sentence : ErrorText.plain(code);
    }
}
