package foresto.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.Cancellation;
import foresto.backtest.Failures;
import foresto.backtest.RobustnessService;
import foresto.backtest.StudyPlan;
import foresto.backtest.StudyResult;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /api/v1/backtest/robustness} and {@code GET /api/v1/backtest/robustness/{study_id}}: the robustness
 * studies through {@link RobustnessService}, answered in the command line's JSON plus {@code study_id} and
 * {@code reused}.
 *
 * <p>The request deadline: a study is checked first (bad input is a 400-class error at once, nothing stored); a
 * stored study of the same hash answers 200 at once; a study whose work (path-days, {@link StudyPlan#workUnits()})
 * is at most {@link #SYNC_WORK} (or the {@link #SYNC_WORK_PROPERTY} system property) is computed within the request
 * and answers 200; a larger one answers 202 {@code {"study_id", "status": "running", "poll"}} and runs on a bounded
 * background executor (one study at a time, {@link #QUEUE} waiting; beyond that 503 SERVER_BUSY). Polling answers
 * 202 with the progress while it runs, 200 with the answer when it is stored, the study's error if it failed, 404
 * for an id nobody knows. An identical request while its twin runs is given the running study's id.
 */
final class RobustnessRoute implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RobustnessRoute.class);
    /**
     * Path-days answered within the request. Measured on this machine's 28 years of daily data with 2 shared cores:
     * a start-date study costs about 1 µs per path-day (each window prepares its own run), a bootstrap about 0.3 µs;
     * so 2 million is at most ~2 s unloaded, leaving room under the 10 s deadline for a loaded machine (the same
     * studies ran ~10× slower while six builds shared the cores). A 1,000-path daily bootstrap (~14 million) is 202.
     */
    static final long SYNC_WORK = 2_000_000L;
    /** The system property that overrides {@link #SYNC_WORK}, read when a server starts. */
    static final String SYNC_WORK_PROPERTY = "foresto.api.robustness.syncWork";
    /** Background studies waiting beyond the one running. */
    static final int QUEUE = 4;
    private static final int FINISHED_KEPT = 256;
    static final String PATH = "/api/v1/backtest/robustness";

    /** An answer: HTTP status and body. */
    record Answer(int status, ObjectNode body) {
    }

    private final RobustnessService service;
    private final long syncWork;
    private final ThreadPoolExecutor executor;
    private final Map<Long, Job> running = new ConcurrentHashMap<>();
    private final Map<String, Job> runningByHash = new ConcurrentHashMap<>();
    /** Finished background studies by their reserved id (the stored id may differ when a twin was stored first). */
    private final Map<Long, Job> finished = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Job> eldest) {
            return size() > FINISHED_KEPT;
        }
    });

    RobustnessRoute(RobustnessService service) {
        this(service, Long.getLong(SYNC_WORK_PROPERTY, SYNC_WORK));
    }

    RobustnessRoute(RobustnessService service, long syncWork) {
        this.service = service;
        this.syncWork = syncWork;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "foresto-study");
            t.setDaemon(true);
            return t;
        });
    }

    /** A study running in the background. */
    private static final class Job {
        final long id;
        final String hash;
        final boolean perPath;
        final Cancellation cancellation = new Cancellation();
        volatile int done;
        volatile int total;
        volatile StudyResult result;
        volatile ForestoException failure;

        Job(long id, String hash, boolean perPath) {
            this.id = id;
            this.hash = hash;
            this.perPath = perPath;
        }
    }

    Answer post(String body) {
        RobustnessRequestParser.Parsed parsed = RobustnessRequestParser.parse(body, service.flags());
        StudyPlan plan = service.check(parsed.request());
        Optional<StudyResult> stored = service.stored(plan);
        if (stored.isPresent()) {
            return new Answer(200, stored.get().json(parsed.perPath()));
        }
        if (plan.workUnits() <= syncWork) {
            StudyResult r = service.compute(plan, 0, new Cancellation(), RobustnessService.Progress.NONE);
            return new Answer(200, r.json(parsed.perPath()));
        }
        Job twin = runningByHash.get(plan.hash());
        if (twin != null) {
            return new Answer(202, running(twin));
        }
        return new Answer(202, running(start(plan, parsed.perPath())));
    }

    private synchronized Job start(StudyPlan plan, boolean perPath) {
        Job twin = runningByHash.get(plan.hash());
        if (twin != null) {
            return twin;
        }
        if (executor.getQueue().remainingCapacity() == 0) {
            throw busy();
        }
        Job job = new Job(service.reserveId(), plan.hash(), perPath);
        running.put(job.id, job);
        runningByHash.put(job.hash, job);
        try {
            executor.execute(() -> runInBackground(job, plan));
        } catch (RejectedExecutionException e) {
            running.remove(job.id);
            runningByHash.remove(job.hash);
            throw busy();
        }
        return job;
    }

    private static ForestoException busy() {
        return new ForestoException(ErrorCode.SERVER_BUSY, "the server is running as many robustness studies as it "
                + "queues (1 running, " + QUEUE + " waiting); try again later");
    }

    private void runInBackground(Job job, StudyPlan plan) {
        try {
            job.result = service.compute(plan, job.id, job.cancellation, (done, total) -> {
                job.done = done;
                job.total = total;
            });
        } catch (CancellationException e) {
            job.failure = new ForestoException(ErrorCode.NOT_FOUND, "study " + job.id + " was cancelled (the server "
                    + "stopped); nothing was stored");
        } catch (RuntimeException e) {
            ForestoException fe = Failures.of(e);
            if (fe.code() == ErrorCode.INTERNAL_ERROR) {
                LOG.error("robustness study {} failed", job.id, e);
                fe = new ForestoException(ErrorCode.INTERNAL_ERROR, "internal error (see the server log)");
            }
            job.failure = fe;
        } finally {
            finished.put(job.id, job);
            running.remove(job.id);
            runningByHash.remove(job.hash);
        }
    }

    private static ObjectNode running(Job job) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("study_id", job.id);
        o.put("status", "running");
        o.put("poll", PATH + "/" + job.id);
        o.put("done", job.done);
        o.put("total", job.total);
        return o;
    }

    /** GET of a study id: running (202), stored (200), failed (its error) or unknown (404). */
    Answer poll(String idText) {
        long id = studyId(idText);
        Job job = running.get(id);
        if (job == null) {
            job = finished.get(id);
        }
        if (job != null && job.result == null && job.failure == null) {
            return new Answer(202, running(job));
        }
        if (job != null && job.failure != null) {
            throw job.failure;
        }
        if (job != null) {
            StudyResult r = job.result;
            return new Answer(200, r.json(job.perPath));
        }
        return service.open(id).map(r -> new Answer(200, r.json(false))).orElseThrow(() ->
                new ForestoException(ErrorCode.NOT_FOUND, "no robustness study with id " + id));
    }

    private static long studyId(String s) {
        if (s.matches("[0-9]{1,18}") && Long.parseLong(s) > 0) {
            return Long.parseLong(s);
        }
        throw new ForestoException(ErrorCode.INVALID_REQUEST, "study_id must be a positive integer of ASCII digits, got '"
                + ScenarioRequestParser.printable(s) + "'");
    }

    /** Cancels the running and waiting studies (nothing of theirs is stored) and stops the executor. */
    @Override
    public void close() {
        for (Job j : running.values()) {
            j.cancellation.cancel();
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
