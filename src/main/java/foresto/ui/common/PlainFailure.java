package foresto.ui.common;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

/**
 * A failure the screen refuses with a plain sentence of its own (in the analyst's language, from the bundles) rather
 * than its code's general one; the code and the technical message stay for the details line ({@link UiError}).
 */
public final class PlainFailure extends ForestoException {
    private final String sentence;

    public PlainFailure(ErrorCode code, String message, String sentence) {
        super(code, message);
        this.sentence = sentence;
    }

    /** What went wrong and what to do instead, in plain words. */
    public String sentence() {
        return sentence;
    }
}
