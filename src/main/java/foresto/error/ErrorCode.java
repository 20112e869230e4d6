package foresto.error;

/**
 * Stable, machine-readable error codes shared by the engine, the database layer, the CLI, the HTTP API
 * and the desktop app. A code never changes meaning once released; messages may.
 */
public enum ErrorCode {
    // 400-class: the request or its input is wrong; nothing was written.
    INVALID_REQUEST(400),
    /** a command line the CLI cannot parse: an unknown option, a missing or malformed value */
    INVALID_ARGUMENT(400),
    UNKNOWN_ASSET_CLASS(400),
    INVALID_WEIGHTS(400),
    INVALID_CSV(400),
    WINDOW_OUTSIDE_DATA(400),
    ASSET_CLASS_NOT_IN_DATA(400),
    INVALID_RULE(400),
    VALUE_OUT_OF_RANGE(400),
    REBALANCING_DISABLED(400),
    RULE_NOT_FOUND(400),
    RULE_INACTIVE(400),
    RULE_NOT_EFFECTIVE(400),
    RULE_NAME_TAKEN(409),
    PORTFOLIO_NOT_FOUND(404),
    /** a new run or study of a deactivated portfolio (its stored runs still open) */
    PORTFOLIO_INACTIVE(400),
    PORTFOLIO_NAME_TAKEN(409),
    /** a change to the weights of a portfolio that stored runs or studies were computed with */
    PORTFOLIO_IN_USE(409),
    DATASET_NOT_FOUND(404),
    DATASET_EXISTS(409),
    RUN_NOT_FOUND(404),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    MISDIRECTED_REQUEST(421),
    /** an API request without the right bearer token */
    UNAUTHORIZED(401),
    /** a file holding a secret that others could read or that is not ours (the API token file) */
    INSECURE_FILE(400),
    DATASET_CHANGED(409),
    CONFIRMATION_REQUIRED(409),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    // 500-class: our side failed; nothing half-written.
    DATABASE_UNAVAILABLE(503),
    /** the server is already running as many background studies as it queues; try again later */
    SERVER_BUSY(503),
    DATABASE_ERROR(500),
    WRITE_FAILED(500),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** True for errors caused by the caller's input (HTTP 4xx, CLI exit code 2). */
    public boolean isClientError() {
        return httpStatus < 500;
    }

    /** Exit code of the command line: 2 for input errors, 1 for failures on our side. */
    public int exitCode() {
        return isClientError() ? 2 : 1;
    }
}
