package foresto.db;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.StartupProgress;
import foresto.model.StartupProgress.Step;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A PostgreSQL server still running on our data directory although no Foresto owns it: what a hard-killed
 * app leaves behind (its shutdown hook never ran). The live owner of a data directory holds the lock on
 * {@code epg-lock} inside it; the operating system drops that lock when the owner dies. So: lock free and
 * {@code postmaster.pid} naming a live postgres process for this very directory ⇒ a leftover, stopped by that
 * pid (never by process name); lock held ⇒ a second live instance, a clear error. After a crash (postmaster and
 * app killed) the postmaster's children may still be exiting: they are waited for a few seconds (then killed), so
 * the next start does not run into PostgreSQL's "shared memory block is still in use".
 */
final class LeftoverServer {
    static final String LOCK_FILE = "epg-lock"; // the embedded library's lock file inside the data directory
    /** A clean stop of a leftover server normally takes well under a second; then it is killed. */
    private static final long STOP_WAIT_SECONDS = 10;
    /** How long the children of a dead postmaster get to notice and exit before they are killed. */
    private static final long ORPHAN_WAIT_SECONDS = 5;
    private static final long KILL_WAIT_SECONDS = 5;

    private LeftoverServer() {
    }

    static void stopIfOrphaned(Path dataDir, Consumer<StartupProgress> progress) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        requireNoLiveOwner(dataDir);
        Optional<ProcessHandle> leftover = postmasterOf(dataDir, pidFile);
        if (leftover.isPresent()) {
            ProcessHandle p = leftover.get();
            progress.accept(StartupProgress.of(Step.STOPPING_LEFTOVER, p.pid()));
            p.destroy(); // SIGTERM: a clean ("smart") shutdown; its clients died with the app
            if (!exited(p, STOP_WAIT_SECONDS)) {
                p.destroyForcibly(); // it did not stop: what a crash does too; the next start recovers from the WAL
                if (!exited(p, KILL_WAIT_SECONDS)) {
                    throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "a PostgreSQL server (pid " + p.pid()
                            + ") left running on " + dataDir + " does not stop; stop it with: kill -9 " + p.pid());
                }
            }
        }
        awaitOrphans(dataDir, progress);
        forgetDeadPostmaster(dataDir, pidFile);
    }

    /**
     * The processes a dead postmaster leaves behind (its checkpointer, writers, backends) keep its shared memory in
     * use until they notice and exit; PostgreSQL refuses to start until then ("pre-existing shared memory block is
     * still in use"). They are found by their working directory, which PostgreSQL sets to the data directory; they
     * get a few seconds, then are killed (their postmaster is gone; the start recovers from the WAL).
     */
    private static void awaitOrphans(Path dataDir, Consumer<StartupProgress> progress) {
        List<ProcessHandle> orphans = postgresProcessesIn(dataDir);
        if (orphans.isEmpty()) {
            return;
        }
        progress.accept(StartupProgress.of(Step.WAITING_ORPHANS, orphans.size()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ORPHAN_WAIT_SECONDS);
        for (ProcessHandle p : orphans) {
            exited(p, Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS);
        }
        List<ProcessHandle> stuck = postgresProcessesIn(dataDir);
        stuck.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : stuck) {
            if (!exited(p, KILL_WAIT_SECONDS)) {
                throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "a process (pid " + p.pid()
                        + ") of a PostgreSQL that stopped abruptly still uses " + dataDir + "; stop it with: kill -9 " + p.pid());
            }
        }
    }

    /**
     * A postmaster killed a moment ago can linger as a zombie until its parent reaps it; PostgreSQL would take
     * its pid file for a running server. With no process of ours left in the directory the file is stale: remove it.
     */
    private static void forgetDeadPostmaster(Path dataDir, Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return; // a server stopped cleanly removes it
        }
        Optional<Long> pid;
        try {
            pid = pidIn(pidFile);
        } catch (NoSuchFileException e) {
            return;
        }
        if (pid.isPresent() && isZombie(pid.get()) && postgresProcessesIn(dataDir).isEmpty()) {
            Files.deleteIfExists(pidFile);
        }
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false; // gone, or no /proc: nothing to forget
        }
    }

    /** The live postgres processes whose working directory is {@code dataDir} (Linux; elsewhere none are found). */
    static List<ProcessHandle> postgresProcessesIn(Path dataDir) {
        List<ProcessHandle> out = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .forEach(h -> {
                    try {
                        Path cwd = Path.of("/proc", Long.toString(h.pid()), "cwd");
                        if (h.isAlive() && Files.isSameFile(cwd, dataDir)) {
                            out.add(h);
                        }
                    } catch (IOException | SecurityException e) {
                        // gone meanwhile, or another user's process: not ours to wait for
                    }
                });
        return out;
    }

    private static boolean exited(ProcessHandle p, long seconds) {
        return exited(p, seconds, TimeUnit.SECONDS);
    }

    private static boolean exited(ProcessHandle p, long amount, TimeUnit unit) {
        try {
            p.onExit().get(amount, unit);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return !p.isAlive();
        }
    }

    private static void requireNoLiveOwner(Path dataDir) throws IOException {
        Path lock = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(lock)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                throw inUse(dataDir);
            }
            l.release();
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDir); // held by this very JVM
        }
    }

    private static ForestoException inUse(Path dataDir) {
        return new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "the data directory " + dataDir
                + " is in use by another running Foresto (the desktop app or a command such as serve); close it first, "
                + "or give this one its own FORESTO_DATA_DIR");
    }

    private static Optional<Long> pidIn(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(lines.get(0).trim()));
    }

    /** The live postgres process that {@code postmaster.pid} names, if it really serves this directory. */
    static Optional<ProcessHandle> postmasterOf(Path dataDir, Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<Long> found = pidIn(pidFile);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long pid = found.get();
        if (!Files.isSameFile(Path.of(lines.get(1).trim()), dataDir)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }
}
