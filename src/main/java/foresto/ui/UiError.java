package foresto.ui;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

/** A failure as the analyst sees it: a stable code and a readable message (never a stack trace). */
public record UiError(String title, ErrorCode code, String message) {

    public static UiError of(String title, Throwable t) {
        Throwable cause = t;
        while (!(cause instanceof ForestoException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof ForestoException fe) {
            return new UiError(title, fe.code(), fe.getMessage());
        }
        return new UiError(title, ErrorCode.INTERNAL_ERROR, t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage()));
    }

    public String describe() {
        return code + ": " + message;
    }
}
