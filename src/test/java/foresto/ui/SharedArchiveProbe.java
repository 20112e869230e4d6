package foresto.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The launcher's part of {@link SharedArchive} in a jar of its own (see {@link SharedArchiveTest}): relaunches
 * itself when it may; in the JVM that runs "the app" it prints its JVM options and exits with the code given.
 * Arguments: data directory, exit code.
 */
public final class SharedArchiveProbe {
    private SharedArchiveProbe() {
    }

    public static void main(String[] args) {
        OptionalInt child = SharedArchive.relaunch(args, Path.of(args[0]));
        if (child.isPresent()) {
            System.out.println("parent: app exited " + child.getAsInt());
            System.exit(child.getAsInt());
        }
        System.out.println("app: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.exit(Integer.parseInt(args[1]));
    }
}
