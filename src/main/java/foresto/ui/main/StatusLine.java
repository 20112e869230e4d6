package foresto.ui.main;

import static foresto.i18n.Messages.tr;
import foresto.ui.common.UiError;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/**
 * The analysis screen's status line, and where its failures go: a job that fails says so here and in the error
 * dialog; a request refused before any job starts goes to the dialog only.
 */
final class StatusLine {
    private final StringProperty text = new SimpleStringProperty("");
    private final Consumer<UiError> errors;

    StatusLine(Consumer<UiError> errors) {
        this.errors = errors;
    }

    StringProperty textProperty() {
        return text;
    }

    void set(String message) {
        text.set(message);
    }

    /** A background job failed: the status names the failure and the error dialog shows it. */
    void failed(Throwable t) {
        UiError e = UiError.of(tr("main.status.operationFailed"), t);
        text.set(tr("common.failed", e.status()));
        errors.accept(e);
    }

    /** A background job ended as cancelled. */
    void cancelled() {
        text.set(tr("main.status.cancelled"));
    }

    /** A request refused before it started (the status is left as it was). */
    void refused(String title, Throwable t) {
        errors.accept(UiError.of(title, t));
    }
}
