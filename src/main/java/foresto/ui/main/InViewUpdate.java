package foresto.ui.main;

import javafx.beans.value.ObservableBooleanValue;

/**
 * An update of a view that is made only while the view is in view (its tab selected), and once when it comes into
 * view after an update was skipped: a run's frame then does not style and lay out views nobody sees.
 */
final class InViewUpdate {
    private final Runnable update;
    private ObservableBooleanValue inView;
    private boolean stale;

    InViewUpdate(Runnable update) {
        this.update = update;
    }

    /** From now on, updates only while {@code shown} is true; until called, always. */
    void onlyWhen(ObservableBooleanValue shown) {
        inView = shown;
        shown.addListener((o, a, now) -> {
            if (now && stale) {
                request();
            }
        });
    }

    /** Updates now if the view is in view, else at its next coming into view. */
    void request() {
        if (inView == null || inView.get()) {
            stale = false;
            update.run();
        } else {
            stale = true;
        }
    }
}
