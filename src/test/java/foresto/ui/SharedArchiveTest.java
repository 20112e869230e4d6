package foresto.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Class-data sharing for the app started from a jar, with real JVMs: a jar holding the launcher's part and a probe
 * main is run as a user runs the app's jar ({@code java -jar}); what the JVM that runs "the app" was started with,
 * what it exits with and which archive files exist are checked after each start.
 */
class SharedArchiveTest {
    @TempDir
    Path dir;

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    record Run(int exit, String output) {
    }

    private Path probeJar() throws IOException {
        Path jar = dir.resolve("probe.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SharedArchiveProbe.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            for (Class<?> c : List.of(SharedArchive.class, SharedArchive.Check.class, NativeSplash.class, SharedArchiveProbe.class)) {
                String name = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private Run run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("FORESTO_CDS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private Run start(Path jar, int exitCode) throws Exception {
        return run(Map.of(), JAVA, "-Dprobe.option=kept", "-jar", jar.toString(), dir.resolve("data").toString(),
                String.valueOf(exitCode));
    }

    private List<String> archiveFiles() throws IOException {
        Path cds = dir.resolve("data/cds");
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (var files = Files.list(cds)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void theFirstStartWritesTheArchiveLaterStartsUseItAndTheAppsExitCodeIsKept() throws Exception {
        Path jar = probeJar();
        Run first = start(jar, 7);
        assertThat(first.exit()).isEqualTo(7);
        assertThat(first.output()).contains("-XX:ArchiveClassesAtExit=").contains("-Dforesto.cds.child=true")
                .contains("parent: app exited 7");
        // the user's JVM options reach the app's JVM
        assertThat(first.output().lines().filter(l -> l.startsWith("app: ")).findFirst().orElseThrow()).contains("-Dprobe.option=kept");
        List<String> files = archiveFiles();
        assertThat(files).hasSize(1);
        assertThat(files.get(0)).matches("app-[0-9a-f]+\\.jsa"); // checked and renamed: no .dump left
        Path archive = dir.resolve("data/cds").resolve(files.get(0));

        Run second = start(jar, 3);
        assertThat(second.exit()).isEqualTo(3);
        assertThat(second.output()).contains("-XX:SharedArchiveFile=" + archive).doesNotContain("ArchiveClassesAtExit");
        assertThat(archiveFiles()).containsExactlyElementsOf(files);

        // the archive really holds the app's classes: with sharing forced on, the JVM loads the probe from it
        Run shared = run(Map.of("FORESTO_CDS", "off"), JAVA, "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info", "-jar", jar.toString(), dir.resolve("data").toString(), "0");
        assertThat(shared.exit()).isZero();
        assertThat(shared.output()).containsPattern("foresto\\.ui\\.SharedArchiveProbe source: shared objects file");

        // a rebuilt jar (another time stamp) gets a new archive; the old one is removed
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        Run rebuilt = start(jar, 0);
        assertThat(rebuilt.output()).contains("-XX:ArchiveClassesAtExit=");
        assertThat(archiveFiles()).hasSize(1).doesNotContainAnyElementsOf(files);
    }

    @Test
    void offMeansTheAppRunsInTheFirstJvm() throws Exception {
        Path jar = probeJar();
        Run off = run(Map.of("FORESTO_CDS", "off"), JAVA, "-jar", jar.toString(), dir.resolve("data").toString(), "5");
        assertThat(off.exit()).isEqualTo(5);
        assertThat(off.output()).startsWith("app: ").doesNotContain("parent:").doesNotContain("SharedArchive");
        assertThat(archiveFiles()).isEmpty();
        Run property = run(Map.of(), JAVA, "-Dforesto.cds=off", "-jar", jar.toString(), dir.resolve("data").toString(), "0");
        assertThat(property.output()).doesNotContain("parent:");
    }

    @Test
    void aDamagedArchiveIsNeverAdopted() throws Exception {
        Path jar = probeJar();
        start(jar, 0);
        Path good = dir.resolve("data/cds").resolve(archiveFiles().get(0));
        // a dump cut short (as by a full disk): a JVM started with it would crash before main
        Path dump = good.resolveSibling(good.getFileName() + ".999.dump");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(dump, Arrays.copyOf(bytes, 1000));
        Files.delete(good);
        SharedArchive.adoptDumped(List.of(JAVA, "-XX:ArchiveClassesAtExit=" + dump, "-jar", jar.toString()));
        assertThat(archiveFiles()).isEmpty();
        // the same file whole is adopted
        Files.write(dump, bytes);
        SharedArchive.adoptDumped(List.of(JAVA, "-XX:ArchiveClassesAtExit=" + dump, "-jar", jar.toString()));
        assertThat(archiveFiles()).containsExactly(good.getFileName().toString());
    }

    @Test
    void anArchiveDamagedAfterItWasCheckedIsRemovedByTheStartItCrashesSoTheNextStartWorks() throws Exception {
        Path jar = probeJar();
        start(jar, 0);
        Path archive = dir.resolve("data/cds").resolve(archiveFiles().get(0));
        byte[] bytes = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        Files.write(archive, Arrays.copyOf(bytes, 1000)); // damaged on disk later
        // the crash report goes to the working directory of the app, as for any JVM crash: here the test's folder
        Run crashed = run(Map.of(), JAVA, "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"), "-jar", jar.toString(),
                dir.resolve("data").toString(), "0");
        assertThat(crashed.exit()).isEqualTo(SharedArchive.JVM_CRASHED);
        assertThat(crashed.output()).doesNotContain("app: ");
        assertThat(archive).doesNotExist();

        Run next = start(jar, 4);
        assertThat(next.exit()).isEqualTo(4);
        assertThat(next.output()).contains("-XX:ArchiveClassesAtExit=");
        assertThat(archiveFiles()).containsExactly(archive.getFileName().toString());
    }

    @Test
    void optionsThatCannotShareAnArchiveKeepTheAppInTheFirstJvm() {
        assertThat(SharedArchive.suitable(List.of("-Xmx2g", "-Dfoo=bar"))).isTrue();
        for (String option : List.of("-javaagent:x.jar", "-agentlib:jdwp=transport=dt_socket", "-agentpath:/x.so",
                "-XX:StartFlightRecording", "-XX:+FlightRecorder", "-Xshare:off", "-XX:SharedArchiveFile=a.jsa",
                "-XX:ArchiveClassesAtExit=a.jsa")) {
            List<String> args = new ArrayList<>(List.of("-Xmx2g", option));
            assertThat(SharedArchive.suitable(args)).as(option).isFalse();
        }
    }

    @Test
    void fromClassesAsUnderMavenOrInTestsThereIsNoRelaunch() {
        // this JVM runs from directories and many jars
        assertThat(SharedArchive.runningJar()).isEmpty();
        assertThat(SharedArchive.command(new String[0], dir)).isEmpty();
    }

    @Test
    void theAppsJvmIsStartedWithThisJvmsOptionsTheArchiveFlagsAndTheSameJarAndArguments() throws Exception {
        // as if this JVM ran from one jar (the class path property is only read by the launcher)
        Path jar = Files.createFile(dir.resolve("app.jar"));
        String classPath = System.getProperty("java.class.path");
        Path data = dir.resolve("data");
        try {
            System.setProperty("java.class.path", jar.toString());
            List<String> options = List.of("-Xmx1g", "-Dsome.option=x");
            List<String> cmd = SharedArchive.command(new String[] {"one", "two"}, data, options).orElseThrow();
            assertThat(cmd.subList(0, 3)).containsExactly(JAVA, "-Xmx1g", "-Dsome.option=x");
            assertThat(cmd.contains("-XX:TieredStopAtLevel=1")).as("compiler options for this machine's cores")
                    .isEqualTo(!SharedArchive.jitOptions(Runtime.getRuntime().availableProcessors(), options,
                            System.getenv("FORESTO_JIT")).isEmpty());
            // this JVM's own options (surefire starts it with -jar and an argLine): read from its command line
            assertThat(SharedArchive.jvmOptions()).containsAll(ManagementFactory.getRuntimeMXBean()
                    .getInputArguments().stream().filter(a -> a.startsWith("-D")).toList()).isNotEmpty();
            assertThat(SharedArchive.command(new String[0], data, List.of("-javaagent:x.jar"))).isEmpty();
            assertThat(cmd.subList(cmd.size() - 4, cmd.size())).containsExactly("-jar", jar.toAbsolutePath().toString(), "one", "two");
            assertThat(cmd).contains("-Dforesto.cds.child=true", "-Xlog:cds=off")
                    .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + data.resolve("cds")) && a.endsWith(".dump"))
                    .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));

            // once the archive is there, it is used; archives of other jars go, other files stay
            Path cds = data.resolve("cds");
            Files.createDirectories(cds);
            Files.createFile(cds.resolve("app-0123.jsa"));
            Files.createFile(cds.resolve("notes.txt"));
            Path archive = SharedArchive.archiveFor(jar.toAbsolutePath(), cds);
            assertThat(cds.resolve("app-0123.jsa")).doesNotExist();
            assertThat(cds.resolve("notes.txt")).exists();
            Files.createFile(archive);
            assertThat(SharedArchive.command(new String[0], data, options).orElseThrow()).contains("-XX:SharedArchiveFile=" + archive)
                    .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));

            System.setProperty("foresto.cds", "off");
            assertThat(SharedArchive.command(new String[0], data, options)).isEmpty();
            System.setProperty("foresto.cds", "on");
            assertThat(SharedArchive.command(new String[0], data, options)).isPresent();
            System.setProperty(SharedArchive.CHILD, "true"); // the app's JVM never relaunches
            assertThat(SharedArchive.command(new String[0], data, options)).isEmpty();
            System.setProperty("java.class.path", jar + File.pathSeparator + dir);
            System.clearProperty(SharedArchive.CHILD);
            assertThat(SharedArchive.command(new String[0], data, options)).isEmpty();
        } finally {
            System.setProperty("java.class.path", classPath);
            System.clearProperty("foresto.cds");
            System.clearProperty(SharedArchive.CHILD);
        }
        for (String off : List.of("off", "OFF", "0", "false")) {
            assertThat(SharedArchive.off(off)).as(off).isTrue();
        }
        for (String on : new String[] {null, "", "on", "1", "true"}) {
            assertThat(SharedArchive.off(on)).as(String.valueOf(on)).isFalse();
        }
    }

    @Test
    void onTwoCoresOrFewerTheAppsJvmLeavesTheOptimisingCompilerOutUnlessToldOtherwise() {
        List<String> none = List.of("-Xmx1g");
        assertThat(SharedArchive.jitOptions(1, none, null)).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(SharedArchive.jitOptions(2, none, null)).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(SharedArchive.jitOptions(3, none, null)).isEmpty();
        assertThat(SharedArchive.jitOptions(16, none, "")).isEmpty();
        assertThat(SharedArchive.jitOptions(2, none, "full")).as("kept on request").isEmpty();
        assertThat(SharedArchive.jitOptions(2, none, " FULL ")).isEmpty();
        assertThat(SharedArchive.jitOptions(16, none, "quick")).containsExactly("-XX:TieredStopAtLevel=1");
        // the user's own compiler options are kept as they are
        for (String own : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint", "-Xcomp")) {
            assertThat(SharedArchive.jitOptions(2, List.of("-Xmx1g", own), "quick")).as(own).isEmpty();
        }
    }

    @Test
    void theArchiveNameFollowsTheJarAndTheJvm() {
        String k = SharedArchive.key("/a/foresto.jar", 100, 5, "jvm17");
        assertThat(k).matches("[0-9a-f]+");
        assertThat(SharedArchive.key("/a/foresto.jar", 100, 5, "jvm17")).isEqualTo(k);
        assertThat(List.of(SharedArchive.key("/b/foresto.jar", 100, 5, "jvm17"), SharedArchive.key("/a/foresto.jar", 101, 5, "jvm17"),
                SharedArchive.key("/a/foresto.jar", 100, 6, "jvm17"), SharedArchive.key("/a/foresto.jar", 100, 5, "jvm21")))
                .doesNotContain(k).doesNotHaveDuplicates();
    }
}
