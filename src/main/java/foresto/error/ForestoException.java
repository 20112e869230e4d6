package foresto.error;

/** The one exception type that crosses layers: a stable {@link ErrorCode} plus a message a person can act on. */
public class ForestoException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public ForestoException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ForestoException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** "CODE: message", the form every face prints. */
    public String describe() {
        return code + ": " + getMessage();
    }
}
