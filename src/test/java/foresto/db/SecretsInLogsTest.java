package foresto.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database password never reaches a log or a message, whatever the URL looks like: the 40 forms of the probe
 * (commas, spaces, ')', raw '/', '?', '#', '@' inside user:pass@, percent-encoding, sslpassword, options) at the most
 * verbose log level (trace: every level's output), with the pool and the driver really connecting.
 */
class SecretsInLogsTest {
    /** Every secret is made of two tokens, SekNa and SekNb, around the awkward character of its form. */
    static List<String> forms() {
        String h = "127.0.0.1:{port}/postgres";
        List<String> f = new ArrayList<>();
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek1a,Sek1b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek2a Sek2b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek3a)Sek3b");
        f.add("jdbc:postgresql://" + h + "?password=Sek4a,Sek4b&user=postgres");
        f.add("jdbc:postgresql://" + h + "?user=postgres&sslpassword=Sek5a,Sek5b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&options=-c%20x.password%3DSek6a,Sek6b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&options=-c x.password=Sek7a,Sek7b");
        f.add("jdbc:postgresql://postgres:Sek8a/Sek8b@" + h);
        f.add("jdbc:postgresql://postgres:Sek9a?Sek9b@" + h);
        f.add("jdbc:postgresql://postgres:Sek10a#Sek10b@" + h);
        f.add("jdbc:postgresql://postgres:Sek11a@Sek11b@" + h);
        f.add("jdbc:postgresql://postgres:Sek12a%40Sek12b%2F@" + h);
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek13a%26Sek13b%3D");
        f.add("jdbc:postgresql://" + h + "?user=postgres&PASSWORD=Sek14a,Sek14b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&Password=Sek15a,Sek15b");
        f.add("jdbc:postgresql://postgres:Sek16a,Sek16b@" + h);
        f.add("jdbc:postgresql://postgres:Sek17a Sek17b@" + h);
        f.add("jdbc:postgresql://postgres:Sek18a)Sek18b@" + h);
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek19a;Sek19b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek20a#Sek20b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek21a/Sek21b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek22a?Sek22b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek23a@Sek23b");
        f.add("jdbc:postgresql://postgres:Sek24a,Sek24b@127.0.0.1:{port},127.0.0.1:{port}/postgres");
        f.add("jdbc:postgresql://:Sek25a,Sek25b@" + h + "?user=postgres");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek26a%2CSek26b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&sslpassword=Sek27a,Sek27b&password=Sek27a)Sek27b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&options=-c%20search_path%3Dpublic%20-c%20my.password%3DSek28a)Sek28b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=\"Sek29a\"Sek29b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek30a'Sek30b");
        f.add("jdbc:postgresql://postgres:Sek31a%3ASek31b@" + h);
        f.add("jdbc:postgresql://postgres:Sek32a:Sek32b@" + h);
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek33a\\Sek33b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek34a%20Sek34b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek35a+Sek35b&ApplicationName=probe");
        f.add("jdbc:postgresql://postgres:Sek36a/?#@Sek36b@" + h + "?ApplicationName=a@b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&password=Sek37a,Sek37b)&sslpassword=Sek37a Sek37b");
        f.add("jdbc:postgresql://" + h + "?user=postgres&options=-c%20x.PASSWORD%3DSek38a%2CSek38b");
        f.add("jdbc:postgresql:postgres?user=postgres&password=Sek39a,Sek39b");
        f.add("jdbc:postgresql://postgres:Sek40a,Sek40b@127.0.0.1:1/postgres");
        return f;
    }

    @Test
    void noFormOfTheUrlShowsItsSecretAtTheMostVerboseLogLevel(@TempDir Path dir) throws Exception {
        List<String> forms = forms();
        assertThat(forms).hasSize(40);
        Path file = dir.resolve("forms.txt");
        Files.write(file, forms, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.log.io.zonky.test.db.postgres.embedded=warn",
                "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=trace",
                "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari.pool.ProxyConnection=trace",
                "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari.pool.PoolBase=trace",
                "-cp", System.getProperty("java.class.path"), SecretsProbe.class.getName(), file.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("probe done");
        assertThat(output).as("Hikari logged at debug").contains("DEBUG com.zaxxer.hikari");
        assertThat(count(output, "connected:")).as(output).isEqualTo(38); // not 39 (no host: localhost:5432) and 40 (port 1)
        assertThat(output).contains("failed: cannot connect to jdbc:postgresql://127.0.0.1:1/postgres");
        for (int i = 1; i <= 40; i++) {
            assertThat(output).as("form %d: %s", i, forms.get(i - 1)).doesNotContain("Sek" + i + "a").doesNotContain("Sek" + i + "b");
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
