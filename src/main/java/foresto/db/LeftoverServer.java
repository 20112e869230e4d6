package foresto.db;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A PostgreSQL server still running on our data directory although no Foresto owns it: what a hard-killed
 * app leaves behind (its shutdown hook never ran). The live owner of a data directory holds the lock on
 * {@code epg-lock} inside it; the operating system drops that lock when the owner dies. So: lock free and
 * {@code postmaster.pid} naming a live postgres process for this very directory ⇒ a leftover, stopped by that
 * pid (never by process name); lock held ⇒ a second live instance, a clear error.
 */
final class LeftoverServer {
    static final String LOCK_FILE = "epg-lock"; // the embedded library's lock file inside the data directory
    private static final long STOP_WAIT_SECONDS = 30;

    private LeftoverServer() {
    }

    static void stopIfOrphaned(Path dataDir, Consumer<String> progress) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        requireNoLiveOwner(dataDir);
        Optional<ProcessHandle> leftover = postmasterOf(dataDir, pidFile);
        if (leftover.isEmpty()) {
            return; // a stale pid file: PostgreSQL itself replaces it when its process is gone
        }
        ProcessHandle p = leftover.get();
        progress.accept("Stopping the embedded PostgreSQL (pid " + p.pid() + ") left running by an earlier Foresto …");
        p.destroy(); // SIGTERM: a clean ("smart") shutdown; its clients died with the app
        try {
            p.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "a PostgreSQL server (pid " + p.pid()
                    + ") left running on " + dataDir + " did not stop within " + STOP_WAIT_SECONDS + " s; stop it with: kill "
                    + p.pid());
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

    /** The live postgres process that {@code postmaster.pid} names, if it really serves this directory. */
    static Optional<ProcessHandle> postmasterOf(Path dataDir, Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        if (!Files.isSameFile(Path.of(lines.get(1).trim()), dataDir)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }
}
