package foresto.i18n;

import foresto.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The English and Korean bundles hold the same keys, and every key the sources and screens use is in them. */
class MessagesBundleTest {
    private static final Path BUNDLES = Path.of("src/main/resources/foresto/i18n");
    /** {@code tr("key"} / {@code in(locale, "key"} in Java: the first string literal of the call. */
    private static final Pattern TR_CALL = Pattern.compile("\\b(?:tr|Messages\\.in\\(\\s*[\\w.]+\\s*,)\\s*\\(?\\s*\"([^\"]+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("=\"%([^\"]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void englishAndKoreanHoldTheSameKeys() throws IOException {
        Properties en = load("messages.properties");
        Properties ko = load("messages_ko.properties");
        assertThat(en.stringPropertyNames()).as("keys missing in Korean")
                .isSubsetOf(ko.stringPropertyNames());
        assertThat(ko.stringPropertyNames()).as("keys missing in English")
                .isSubsetOf(en.stringPropertyNames());
        assertThat(en).isNotEmpty();
    }

    /**
     * A text without placeholders is shown as written (Messages formats only texts given arguments), so a doubled
     * apostrophe, MessageFormat's escape, would show doubled ("setup''s").
     */
    @Test
    void aTextWithoutPlaceholdersHasNoDoubledApostrophe() throws IOException {
        for (String file : List.of("messages.properties", "messages_ko.properties")) {
            Properties p = load(file);
            List<String> doubled = p.stringPropertyNames().stream().sorted()
                    .filter(k -> !p.getProperty(k).matches("(?s).*\\{\\d.*") && p.getProperty(k).contains("''"))
                    .toList();
            assertThat(doubled).as(file).isEmpty();
        }
    }

    @Test
    void bothLanguagesFillTheSamePlaceholders() throws IOException {
        Properties en = load("messages.properties");
        Properties ko = load("messages_ko.properties");
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(ko.getProperty(key, ""))).as(key).isEqualTo(placeholders(en.getProperty(key)));
        }
    }

    @Test
    void koreanTextsAreKoreanWhereEnglishHasWords() throws IOException {
        Properties en = load("messages.properties");
        Properties ko = load("messages_ko.properties");
        // a Korean text copied from English by mistake: it has words but no Hangul
        Set<String> untranslated = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String k = ko.getProperty(key, "");
            boolean englishWords = en.getProperty(key).matches("(?s).*[A-Za-z]{3,}.*");
            boolean hangul = k.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
            if (englishWords && !hangul && !SAME_IN_BOTH.contains(key)) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).isEmpty();
    }

    /** Texts that are the same in both languages on purpose (a language's own name, code words). */
    private static final Set<String> SAME_IN_BOTH = Set.of("language.en", "main.chartsPanel.wOffCol", "robust.csv", "main.perf.offCol",
            "main.drift.threshold", "main.drift.points", "sweep.heatmap.offMark");

    @Test
    void everyErrorCodeHasAPlainMessageInBothLanguages() throws IOException {
        Properties en = load("messages.properties");
        Properties ko = load("messages_ko.properties");
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(en.getProperty("error." + code.name())).as(code.name()).isNotBlank();
            assertThat(ko.getProperty("error." + code.name())).as(code.name()).isNotBlank();
        }
    }

    @Test
    void everyKeyTheSourcesAndScreensUseExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String name = f.getFileName().toString();
                Pattern p = name.endsWith(".java") ? TR_CALL : name.endsWith(".fxml") ? FXML_KEY : null;
                if (p == null) {
                    continue;
                }
                Matcher m = p.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) { // a prefix completed at run time ("error." + code): checked above
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).as("keys used in src/main").isNotEmpty().contains("app.title", "main.mainView.analysis");
        assertThat(keys).as("keys used but not in messages.properties").containsAll(used);
    }

    @Test
    void theScannerFindsKeysInCallsAndFxml() {
        Matcher java = TR_CALL.matcher("x = Messages.tr(\"a.b\", n); y = tr(\"c.d\"); Messages.in(now, \"e.f\")");
        Set<String> found = new TreeSet<>();
        while (java.find()) {
            found.add(java.group(1));
        }
        assertThat(found).containsExactly("a.b", "c.d", "e.f");
        Matcher fxml = FXML_KEY.matcher("<Label text=\"%g.h\"/>");
        assertThat(fxml.find()).isTrue();
        assertThat(fxml.group(1)).isEqualTo("g.h");
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
