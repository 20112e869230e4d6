package foresto.api;

import foresto.error.ErrorCode;
import foresto.json.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own error answers (a request it could not parse: bad Content-Length, unknown HTTP version, headers
 * too large, a broken URI; or a failure it caught) in the API's shape {@code {"code", "message"}}: no HTML page,
 * no Java names. The status stays Jetty's (431, 505, 408 say more than a plain 400); the code is the API's
 * nearest one.
 */
final class JsonErrorHandler implements Request.Handler {
    /** A reason Jetty gives that is plain words (no class names, no quoting of what the client sent). */
    /** Jetty's reason for an HTTP/1.1 request without a Host header. */
    private static final String NO_HOST = "No Host";
    private static final String PLAIN = "[A-Za-z0-9 ,:;()'/-]{1,80}";

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object detail = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
            response.setStatus(status);
        }
        if (status == HttpStatus.BAD_REQUEST_400 && NO_HOST.equals(detail)) {
            // HTTP/1.1 without Host: addressed to no one, as the API answers a foreign Host
            response.setStatus(HttpStatus.MISDIRECTED_REQUEST_421);
            return write(response, callback, ErrorCode.MISDIRECTED_REQUEST,
                    "this server answers only to localhost (or 127.0.0.1 / [::1]) with its port; the request was addressed to no host");
        }
        ErrorCode code = codeFor(status);
        String reason = HttpStatus.getMessage(status);
        boolean theirs = status < 500 || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505;
        String message = theirs ? "the request was refused: " + reason : "internal error (see the server log)";
        if (theirs && detail instanceof String s && s.matches(PLAIN) && !s.contains("Exception")
                && !s.equalsIgnoreCase(reason)) {
            message += " (" + s + ")";
        }
        return write(response, callback, code, message);
    }

    private static boolean write(Response response, Callback callback, ErrorCode code, String message) {
        byte[] bytes = Json.write(Exchange.error(code.name(), message)).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }

    /** The API's code for an HTTP status Jetty chose. */
    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 421 -> ErrorCode.MISDIRECTED_REQUEST;
            case 505 -> ErrorCode.INVALID_REQUEST;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
        };
    }
}
