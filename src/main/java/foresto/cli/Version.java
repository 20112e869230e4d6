package foresto.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code foresto --version}: the product version the build wrote into {@code foresto/version.properties}. */
final class Version implements IVersionProvider {

    static String number() {
        try (InputStream in = Version.class.getResourceAsStream("/foresto/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("foresto/version.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Foresto Rebalancing Lab " + number()};
    }
}
