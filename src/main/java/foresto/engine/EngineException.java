package foresto.engine;

/**
 * A problem with the engine's input, in the engine's own terms. The layer above maps each kind to the
 * application's stable error codes (HTTP status, exit code); the engine knows none of that.
 */
public final class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Kind {
        INVALID_REQUEST,
        UNKNOWN_ASSET_CLASS,
        INVALID_WEIGHTS,
        /** market data the engine cannot use (dates out of order, values out of range) */
        INVALID_DATA,
        WINDOW_OUTSIDE_DATA,
        ASSET_CLASS_NOT_IN_DATA,
        INVALID_RULE,
        /** the inputs drive a path out of the range of representable values */
        VALUE_OUT_OF_RANGE
    }

    private final Kind kind;

    public EngineException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
