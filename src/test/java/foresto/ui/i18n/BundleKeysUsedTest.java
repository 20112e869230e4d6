package foresto.ui.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key of the English bundle is used by the code: named whole in a Java string literal, as {@code %key} in FXML,
 * or built from a literal prefix that ends in a dot ({@code "rules.code." + code}, {@code new StringBuilder("progress.")}).
 * A key nothing uses is a text no one sees, left to go stale in both languages. Comment lines do not count as use.
 */
class BundleKeysUsedTest {
    private static final Path BUNDLE = Path.of("src/main/resources/foresto/i18n/messages.properties");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private static List<Path> files(Path root, String ending) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(ending)).collect(Collectors.toList());
        }
    }

    /** The string literals of the Java sources and FXML files, outside comment lines. */
    private static Set<String> literals() throws IOException {
        List<Path> sources = new ArrayList<>(files(JAVA, ".java"));
        sources.addAll(files(RESOURCES, ".fxml"));
        Set<String> out = new HashSet<>();
        for (Path f : sources) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith("*") || t.startsWith("//") || t.startsWith("/*")) {
                    continue;
                }
                Matcher m = LITERAL.matcher(line);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    static List<String> unusedKeys(Set<String> keys, Set<String> literals) {
        List<String> prefixes = literals.stream().filter(l -> l.length() > 1 && l.endsWith(".")).toList();
        return keys.stream()
                .filter(k -> !literals.contains(k) && !literals.contains("%" + k) && prefixes.stream().noneMatch(k::startsWith))
                .sorted().toList();
    }

    @Test
    void everyBundleKeyIsUsedByTheCode() throws IOException {
        Properties bundle = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLE, StandardCharsets.UTF_8)) {
            bundle.load(r);
        }
        Set<String> keys = bundle.stringPropertyNames();
        assertThat(keys).hasSizeGreaterThan(100);
        assertThat(unusedKeys(keys, literals())).as("bundle keys no code uses").isEmpty();
    }

    @Test
    void aKeyCountsAsUsedOnlyWhenNamedWholeOrBuiltFromADottedPrefix() {
        Set<String> literals = Set.of("a.whole", "%fx.label", "built.", "robust.cal");
        assertThat(unusedKeys(Set.of("a.whole", "fx.label", "built.EQUITY", "robust.cal.ordinal.st", "a.wholeish"),
                literals)).containsExactly("a.wholeish", "robust.cal.ordinal.st");
    }
}
