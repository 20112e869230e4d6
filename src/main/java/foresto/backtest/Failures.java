package foresto.backtest;

import foresto.engine.EngineException;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;

/**
 * Any failure as the faces report it: a {@link ForestoException} with a stable code. The engine's own
 * exceptions are mapped here, kind by kind; anything unknown is INTERNAL_ERROR (a bug, never the caller's).
 */
public final class Failures {
    private Failures() {
    }

    public static ForestoException of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ForestoException fe) {
                return fe;
            }
            if (c instanceof EngineException ee) {
                return new ForestoException(code(ee.kind()), ee.getMessage(), ee);
            }
        }
        return new ForestoException(ErrorCode.INTERNAL_ERROR, t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage()), t);
    }

    static ErrorCode code(EngineException.Kind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> ErrorCode.INVALID_REQUEST;
            case UNKNOWN_ASSET_CLASS -> ErrorCode.UNKNOWN_ASSET_CLASS;
            case INVALID_WEIGHTS -> ErrorCode.INVALID_WEIGHTS;
            case INVALID_DATA -> ErrorCode.INVALID_CSV;
            case WINDOW_OUTSIDE_DATA -> ErrorCode.WINDOW_OUTSIDE_DATA;
            case ASSET_CLASS_NOT_IN_DATA -> ErrorCode.ASSET_CLASS_NOT_IN_DATA;
            case INVALID_RULE -> ErrorCode.INVALID_RULE;
            case VALUE_OUT_OF_RANGE -> ErrorCode.VALUE_OUT_OF_RANGE;
        };
    }
}
