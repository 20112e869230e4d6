package foresto.ui;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Class-data sharing for the desktop app started from the jar: the JVM maps the app's classes (JavaFX, the
 * screens, the JDBC driver, Flyway, …) already parsed and verified from an archive instead of loading them one by
 * one, which starts the window ~1 s sooner on a 2-core machine. JDK 17 cannot create the archive by itself (JDK 19's
 * {@code -XX:+AutoCreateSharedArchive}), so the launcher starts the app in a child JVM: the first time with
 * {@code -XX:ArchiveClassesAtExit} (the archive is written when the app closes, checked, then renamed into place),
 * later with {@code -XX:SharedArchiveFile}. The archive's name carries the jar's size and time and the JVM's
 * version, so a rebuilt jar or another JDK makes a new one (the old is removed). A damaged archive can crash a JVM
 * before it starts, so an archive is only used after a JVM has started with it once. Off with
 * {@code FORESTO_CDS=off} (or {@code -Dforesto.cds=off}); never used when the app runs from classes (Maven, tests)
 * or when the JVM was given sharing options already.
 */
public final class SharedArchive {
    /** Set on the child JVM, so it starts the app itself. */
    static final String CHILD = "foresto.cds.child";
    /** The parent's start time, so the start-up log measures from when the user started the app. */
    static final String ORIGIN = "foresto.startupOrigin";
    private static final String PREFIX = "app-";

    private SharedArchive() {
    }

    /**
     * Starts the app in a child JVM with class-data sharing when it can, waits for it and returns its exit code;
     * empty when this JVM should start the app itself.
     */
    public static OptionalInt relaunch(String[] args, Path dataDirectory) {
        Optional<List<String>> command = command(args, dataDirectory);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> cmd = new ArrayList<>(command.get());
        // the launcher's splash (see NativeSplash) stays up until the app's JVM has drawn its window
        Optional<Path> drawn = NativeSplash.handOver(cmd, dataDirectory, NativeSplash.showing());
        Process child;
        try {
            child = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // start here instead
        }
        drawn.ifPresent(marker -> NativeSplash.closeWhenDrawn(marker, child));
        // Ctrl+C reaches both JVMs; a TERM sent only to this one is passed on, and this one waits for the app to
        // close (it stops its database) before it exits
        Thread stopChild = new Thread(() -> {
            child.destroy();
            try {
                if (child.waitFor(30, TimeUnit.SECONDS)) {
                    adoptDumped(cmd);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "foresto-stop-app");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code;
        try {
            code = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(1);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will: nothing to undo
        }
        adoptDumped(cmd);
        dropIfCrashed(cmd, code);
        return OptionalInt.of(code);
    }

    /** The exit code of a JVM that aborted (a crash report was written): 128 + SIGABRT. */
    static final int JVM_CRASHED = 134;

    /**
     * A JVM that crashed while mapping an archive (one damaged after it was checked, or a JVM fault) would crash on
     * every start: the archive is removed, so the next start runs without it and makes a new one.
     */
    static void dropIfCrashed(List<String> command, int exitCode) {
        if (exitCode != JVM_CRASHED) {
            return;
        }
        fileOf(command, "-XX:SharedArchiveFile=").ifPresent(archive -> {
            try {
                Files.deleteIfExists(archive);
            } catch (IOException ignored) {
                // removed by hand then; FORESTO_CDS=off starts without it meanwhile
            }
        });
    }

    /** The child's command line, or empty when the app should start in this JVM. */
    static Optional<List<String>> command(String[] args, Path dataDirectory) {
        return command(args, dataDirectory, jvmOptions());
    }

    /** As above, for a JVM started with {@code jvmArgs}. */
    static Optional<List<String>> command(String[] args, Path dataDirectory, List<String> jvmArgs) {
        if (Boolean.getBoolean(CHILD) || off(System.getProperty("foresto.cds")) || off(System.getenv("FORESTO_CDS"))) {
            return Optional.empty();
        }
        Optional<Path> jar = runningJar();
        if (jar.isEmpty() || !suitable(jvmArgs)) {
            return Optional.empty();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            return Optional.empty();
        }
        Path archive;
        try {
            archive = archiveFor(jar.get(), dataDirectory.resolve("cds"));
        } catch (IOException e) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(jitOptions(Runtime.getRuntime().availableProcessors(), jvmArgs,
                System.getProperty("foresto.jit", System.getenv("FORESTO_JIT"))));
        if (Files.isRegularFile(archive)) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
        } else {
            cmd.add("-XX:ArchiveClassesAtExit=" + dumpFile(archive));
        }
        cmd.add("-Xlog:cds=off");
        cmd.add("-Xlog:cds+dynamic=off");
        cmd.add("-D" + CHILD + "=true");
        if (startupLog()) {
            cmd.add("-D" + ORIGIN + "=" + origin());
        }
        cmd.add("-jar");
        cmd.add(jar.get().toString());
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /**
     * The app's JVM's compiler options. On a machine with two cores or fewer the optimising compiler (C2) is left out
     * ({@code -XX:TieredStopAtLevel=1}): its thread takes one of the two cores through the start and the first runs,
     * and the quick compiler's code is as fast as C2's for what an analyst does at the screen (measured on 2 cores,
     * README: window usable ~1 s sooner, a run's frames and sweeps up to ~10,000 cells as fast or faster; the largest
     * sweeps ~1.4× slower). {@code setting} ({@code FORESTO_JIT} / {@code -Dforesto.jit}): {@code full} keeps C2,
     * {@code quick} leaves it out on any machine; nothing is added when the JVM was given compiler options already.
     */
    static List<String> jitOptions(int cores, List<String> jvmArgs, String setting) {
        boolean chosen = jvmArgs.stream().anyMatch(a -> a.contains("TieredStopAtLevel") || a.contains("TieredCompilation")
                || a.equals("-Xint") || a.equals("-Xcomp"));
        String s = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        if (chosen || s.equals("full") || !(s.equals("quick") || cores <= 2)) {
            return List.of();
        }
        return List.of("-XX:TieredStopAtLevel=1");
    }

    /**
     * Whether the app may run with an archive under these JVM options: not when the user chose sharing options
     * already, nor with agents or a flight recording (a class-file hook over a dynamic archive can crash JDK 17:
     * seen here with {@code -XX:StartFlightRecording}).
     */
    static boolean suitable(List<String> jvmArgs) {
        return jvmArgs.stream().noneMatch(a -> a.startsWith("-Xshare") || a.contains("SharedArchiveFile")
                || a.contains("ArchiveClassesAtExit") || a.startsWith("-agentlib") || a.startsWith("-agentpath")
                || a.startsWith("-javaagent") || a.contains("FlightRecord") || a.contains("StartFlightRecording"));
    }

    /** The archive for this jar and JVM (created later); other archives in {@code dir} are removed. */
    static Path archiveFor(Path jar, Path dir) throws IOException {
        String key = key(jar.toAbsolutePath().toString(), Files.size(jar), Files.getLastModifiedTime(jar).toMillis(),
                System.getProperty("java.home") + "|" + System.getProperty("java.vm.version"));
        Path archive = dir.resolve(PREFIX + key + ".jsa");
        Files.createDirectories(dir);
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(PREFIX) && !name.startsWith(PREFIX + key)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return archive;
    }

    static String key(String jarPath, long size, long modifiedMillis, String jvm) {
        CRC32 crc = new CRC32();
        crc.update((jarPath + "|" + jvm).getBytes(StandardCharsets.UTF_8));
        return String.format("%08x%x%x", crc.getValue(), size, modifiedMillis);
    }

    /**
     * This JVM's options (what came before {@code -jar}): from the process's command line where the platform gives
     * it (Linux, macOS; cheaper than starting the management beans), else from the runtime bean.
     */
    static List<String> jvmOptions() {
        Optional<String[]> arguments = ProcessHandle.current().info().arguments();
        if (arguments.isPresent()) {
            List<String> all = List.of(arguments.get());
            int jarAt = all.indexOf("-jar");
            if (jarAt >= 0) {
                return all.subList(0, jarAt);
            }
        }
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** Where a child writes its archive: a name of its own, renamed into place only once it is known good. */
    static Path dumpFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".dump");
    }

    /**
     * After a child that wrote an archive: checks that a JVM starts with it (a damaged archive crashes the JVM
     * before main), then moves it into place; otherwise removes it.
     */
    static void adoptDumped(List<String> command) {
        Optional<Path> dumped = fileOf(command, "-XX:ArchiveClassesAtExit=");
        if (dumped.isEmpty() || !Files.isRegularFile(dumped.get())) {
            return;
        }
        Path dump = dumped.get();
        String name = dump.getFileName().toString();
        Path archive = dump.resolveSibling(name.substring(0, name.indexOf(".jsa.") + 4));
        try {
            if (startsWith(command.get(0), dump, command.get(command.indexOf("-jar") + 1))) {
                Files.move(dump, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(dump);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(dump);
            } catch (IOException ignored) {
                // a leftover .dump file is never used
            }
        }
    }

    /** The file a JVM option {@code flag<file>} of {@code command} names, if it has one. */
    private static Optional<Path> fileOf(List<String> command, String flag) {
        return command.stream().filter(a -> a.startsWith(flag)).findFirst().map(a -> Path.of(a.substring(flag.length())));
    }

    /** Whether a JVM starts from {@code jar} with {@code archive} mapped ({@code -Xshare:on} fails otherwise). */
    static boolean startsWith(String java, Path archive, String jar) throws IOException {
        // a crash report, if the archive is damaged, goes next to it and is removed (not into the user's folder)
        Path crashLog = archive.resolveSibling("check-" + ProcessHandle.current().pid() + ".log");
        Process p = new ProcessBuilder(java, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:disable",
                "-XX:ErrorFile=" + crashLog, "-XX:-CreateCoredumpOnCrash", "-cp", jar, Check.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return false;
        } finally {
            Files.deleteIfExists(crashLog);
        }
    }

    /** The jar this JVM runs from ({@code java -jar}), if it runs from exactly one jar. */
    static Optional<Path> runningJar() {
        String cp = System.getProperty("java.class.path", "");
        if (cp.isEmpty() || cp.contains(File.pathSeparator) || !cp.endsWith(".jar")
                || System.getProperty("jdk.module.path") != null) {
            return Optional.empty();
        }
        Path jar = Path.of(cp).toAbsolutePath();
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    static boolean off(String setting) {
        return setting != null && (setting.equalsIgnoreCase("off") || setting.equals("0") || setting.equalsIgnoreCase("false"));
    }

    /** Whether the start-up log is on ({@code FORESTO_STARTUP_LOG=1} or {@code -Dforesto.startupLog=true}). */
    static boolean startupLog() {
        return Boolean.getBoolean("foresto.startupLog") || "1".equals(System.getenv("FORESTO_STARTUP_LOG"));
    }

    /** Start-up time origin for the log: the parent's start when relaunched, else this JVM's. */
    static long origin() {
        Long parent = Long.getLong(ORIGIN);
        return parent != null ? parent : ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** The installed image's files for the command line's archive, next to the jar (see {@link #forCommandLine}). */
    static final String IMAGE_ARCHIVE = "foresto.jsa";
    static final String IMAGE_CLASS_LIST = "foresto.classlist";
    static final String IMAGE_KEY = "foresto.jsa.key";

    /**
     * Class-data sharing for the command line of the installed image ({@code bin/foresto simulate …}): its launcher
     * gives the JVM {@code -XX:SharedArchiveFile=<image>/lib/app/foresto.jsa}, an archive of the JDK's and the app's
     * classes a command loads (their list, {@code foresto.classlist}, was recorded when the image was built). JDK 17
     * maps an archive only for the very jar, at the very path, it was made for, and otherwise starts without one and
     * says nothing; so when this JVM runs from the image without sharing, and the image's folder is writable (a
     * tarball unpacked by the user), the archive is made again in the background for this place, under a name of its
     * own and renamed into place when complete; the next command maps it. {@code foresto.jsa.key} records the jar
     * and JVM it was made for, so an archive that was made for them and still is not used (sharing turned off by
     * hand) is not made again on every command. Nothing outside the image (the jar, Maven, tests).
     */
    public static void forCommandLine() {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher == null || String.valueOf(System.getProperty("java.vm.info")).contains("sharing")) {
            return;
        }
        try {
            Path appDir = Path.of(launcher).toAbsolutePath().getParent().resolveSibling("lib").resolve("app");
            Path jar = appDir.resolve("foresto.jar");
            Path classList = appDir.resolve(IMAGE_CLASS_LIST);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            if (!Files.isRegularFile(jar) || !Files.isRegularFile(classList) || !Files.isExecutable(java)
                    || !Files.isWritable(appDir)) {
                return;
            }
            String key = key(jar.toString(), Files.size(jar), Files.getLastModifiedTime(jar).toMillis(),
                    System.getProperty("java.home") + "|" + System.getProperty("java.vm.version"));
            Path archive = appDir.resolve(IMAGE_ARCHIVE);
            Path keyFile = appDir.resolve(IMAGE_KEY);
            if (Files.isRegularFile(archive) && Files.isRegularFile(keyFile)
                    && Files.readString(keyFile, StandardCharsets.UTF_8).equals(key)) {
                return;
            }
            Path part = appDir.resolve(IMAGE_ARCHIVE + "." + ProcessHandle.current().pid() + ".part");
            // absolute paths of the tools: the command may run with an empty PATH
            String script = "\"$1\" -Xshare:dump -XX:SharedClassListFile=\"$2\" -XX:SharedArchiveFile=\"$3\" -Xlog:cds=off"
                    + " -Xlog:cds+dynamic=off -cp \"$4\" && printf %s \"$5\" > \"$6\" && /bin/mv -f \"$3\" \"$7\""
                    + " || /bin/rm -f \"$3\"";
            new ProcessBuilder("/bin/sh", "-c", script, "sh", java.toString(), classList.toString(), part.toString(),
                    jar.toString(), key, keyFile.toString(), archive.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            // the command runs as it is; the next one tries again
        }
    }

    /** Started with an archive to check it maps; does nothing. */
    public static final class Check {
        private Check() {
        }

        public static void main(String[] args) {
            // exit 0: the JVM started with the archive
        }
    }
}
