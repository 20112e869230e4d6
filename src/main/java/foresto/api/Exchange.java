package foresto.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.Failures;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

/**
 * One request and its answer, as a route sees it: the method, decoded path and its pattern's groups, the raw
 * query, headers, the body (read without holding a thread, within the request deadline and the size limit) and
 * one answer: a JSON body, a JSON error, or a stream. Whatever goes wrong is answered as
 * {@code {"code", "message"}} while nothing has been sent, and cuts the answer short after that.
 */
public final class Exchange {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    /** How much of an oversized body is read and dropped so the client still gets its 413. */
    private static final long MAX_DRAIN_BYTES = 4L * 1024 * 1024;
    private static final long LATE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Writes a streamed answer's body; the stream is closed (and the answer ended) after it returns. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** What a route does with the body once it has all arrived (UTF-8 text). */
    @FunctionalInterface
    public interface BodyHandler {
        void accept(String body) throws Exception;
    }

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Scheduler scheduler;
    private final long deadlineNanos;
    private final long responseNanos;
    private final AtomicBoolean answered = new AtomicBoolean();
    private Matcher groups;

    Exchange(Request request, Response response, Callback callback, Scheduler scheduler, long requestNanos,
             long responseNanos) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.scheduler = scheduler;
        this.deadlineNanos = request.getBeginNanoTime() + requestNanos;
        this.responseNanos = responseNanos;
    }

    void route(Matcher path) {
        this.groups = path;
    }

    public String method() {
        return request.getMethod();
    }

    /** The decoded path. */
    public String path() {
        return Request.getPathInContext(request);
    }

    /** Group {@code i} of the route's path pattern. */
    public String pathGroup(int i) {
        return groups.group(i);
    }

    /** The query as sent (still percent-encoded), or null. */
    public String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    /** A request header's first value, or null. */
    public String requestHeader(String name) {
        return request.getHeaders().get(name);
    }

    /** Sets a header of the answer. */
    public void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Refuses (415) a body that is not {@code application/json}, optionally with {@code charset=utf-8}. */
    public void requireJsonBody() {
        if (!ApiServer.isJson(requestHeader("Content-Type"))) {
            throw new ForestoException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be sent as Content-Type: application/json (UTF-8; no parameter but charset=utf-8)");
        }
    }

    /**
     * Reads the whole body, then hands it to {@code then}. Waiting for a slow client holds no thread; a body over
     * {@link ApiServer#MAX_BODY_BYTES} is read and dropped (up to a bound, so the client gets to read its 413), and
     * a body not in by the request deadline is answered 408 and its connection closed.
     */
    public void body(BodyHandler then) {
        String length = requestHeader("Content-Length");
        boolean declaredTooLarge = false;
        if (length != null) {
            if (!length.trim().matches("[0-9]{1,18}")) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST, "bad Content-Length");
            }
            declaredTooLarge = Long.parseLong(length.trim()) > ApiServer.MAX_BODY_BYTES;
        }
        new BodyRead(then, declaredTooLarge).start();
    }

    /** Answers {@code status} with a JSON body. */
    public void sendJson(int status, JsonNode body) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /**
     * Answers 200 with a JSON body written as it is produced (chunked). A client that reads too slowly is cut off
     * at the answer deadline; a failure after the first byte can only cut the answer short (the client sees an
     * incomplete chunked body, never a complete-looking wrong one).
     */
    public void stream(StreamWriter writer) throws IOException {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Scheduler.Task cutOff = scheduler.schedule(this::closeConnection, responseNanos, TimeUnit.NANOSECONDS);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            writer.write(out);
        } catch (IOException | RuntimeException e) {
            cutOff.cancel();
            callback.failed(e);
            return;
        }
        cutOff.cancel();
        callback.succeeded();
    }

    private void closeConnection() {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }

    /** Answers a failure as {@code {"code", "message"}}, or cuts the answer short when it has begun. */
    void fail(Throwable t) {
        ForestoException fe = Failures.of(t);
        if (fe.code() == ErrorCode.INTERNAL_ERROR) {
            LOG.error("internal error on {}", ScenarioRequestParser.printable(path()), t);
            fe = new ForestoException(ErrorCode.INTERNAL_ERROR, "internal error (see the server log)");
        }
        if (answered.get()) {
            callback.failed(t);
            return;
        }
        sendJson(fe.code().httpStatus(), error(fe.code().name(), fe.getMessage()));
    }

    /** Runs {@code step}, answering whatever it throws. */
    void run(Router.Route step) {
        try {
            step.handle(this);
        } catch (Throwable t) {
            fail(t);
        }
    }

    static ObjectNode error(String code, String message) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("code", code);
        o.put("message", message);
        return o;
    }

    private static ForestoException tooLarge() {
        return new ForestoException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than " + ApiServer.MAX_BODY_BYTES + " bytes");
    }

    /** Reads the body chunk by chunk as it arrives, asking Jetty to call back when more is there. */
    private final class BodyRead implements Runnable {
        private static final int READING = 0;
        private static final int DONE = 1;
        private static final int TIMED_OUT = 2;
        private final BodyHandler then;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicInteger state = new AtomicInteger(READING);
        private boolean tooLarge;
        private long dropped;
        private Scheduler.Task timer;

        BodyRead(BodyHandler then, boolean tooLarge) {
            this.then = then;
            this.tooLarge = tooLarge;
        }

        void start() {
            // a request handed to us late (a loaded machine) still gets a moment to have its body read
            long wait = Math.max(deadlineNanos - System.nanoTime(), LATE_GRACE_NANOS);
            timer = scheduler.schedule(this::timeOut, wait, TimeUnit.NANOSECONDS);
            run();
        }

        @Override
        public void run() {
            while (state.get() == READING) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (finish()) {
                        answered.set(true);
                        callback.failed(chunk.getFailure()); // the client went away, or sent a broken body
                    }
                    return;
                }
                ByteBuffer b = chunk.getByteBuffer();
                int n = b.remaining();
                if (!tooLarge && body.size() + n > ApiServer.MAX_BODY_BYTES) {
                    tooLarge = true;
                }
                if (tooLarge) {
                    dropped += n;
                } else {
                    byte[] bytes = new byte[n];
                    b.get(bytes);
                    body.write(bytes, 0, n);
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (tooLarge && (last || dropped > MAX_DRAIN_BYTES)) {
                    if (finish()) {
                        if (!last) {
                            header("Connection", "close");
                        }
                        fail(tooLarge());
                    }
                    return;
                }
                if (last) {
                    if (finish()) {
                        Exchange.this.run(ex -> then.accept(body.toString(StandardCharsets.UTF_8)));
                    }
                    return;
                }
            }
        }

        private boolean finish() {
            timer.cancel();
            return state.compareAndSet(READING, DONE);
        }

        private void timeOut() {
            if (state.compareAndSet(READING, TIMED_OUT)) {
                header("Connection", "close");
                sendJson(408, error(ErrorCode.INVALID_REQUEST.name(), "the request did not arrive in full within "
                        + TimeUnit.NANOSECONDS.toSeconds(ApiServer.REQUEST_NANOS) + " s"));
            }
        }
    }
}
