package foresto.ui.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails when a text the analyst reads is written in the code instead of coming from the message bundles: a
 * {@code text="…"} or {@code promptText="…"} in FXML without {@code %}, or a string literal with letters handed to
 * a label, button, tooltip, tab, dialog or status anywhere in the Java sources of foresto/ui.
 */
class HardCodedTextTest {
    private static final Path UI_SOURCES = Path.of("src/main/java/foresto/ui");
    private static final Path FXML = Path.of("src/main/resources/foresto/ui");

    /** The parts of the desktop app whose texts all come from the bundles: the whole of foresto/ui. */
    static final List<String> CONVERTED = List.of(".");

    /** The calls that put a text on screen; the argument list follows. */
    private static final Pattern SHOWS_TEXT = Pattern.compile(
            "(?:\\.(?:setText|setTitle|setHeaderText|setContentText|setPromptText|setAccessibleText|appendText)"
                    + "|\\bnew (?:Label|Button|Tooltip|MenuItem|Menu|Tab|CheckBox|RadioButton|ToggleButton|Hyperlink"
                    + "|Text|TitledPane|TableColumn(?:<[^>(]*>)?|CheckMenuItem)"
                    + "|\\b\\w*(?:status|message|title|label|note|hint|validation|caption|text)\\w*\\.set)\\(",
            Pattern.CASE_INSENSITIVE);
    /** A key handed to the bundles: not a text of its own. */
    private static final Pattern KEY_ARGUMENT = Pattern.compile("\\b(?:tr|Messages\\.in\\(\\s*[\\w.]+\\s*,)\\s*\\(?\\s*\"[^\"]*\"");
    /** A literal shaped like a bundle key ("portfolios.added", "error."), as chosen by {@code tr(a ? "x.y" : "x.z")}. */
    private static final Pattern MESSAGE_KEY = Pattern.compile("[a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+\\.?|[a-z][A-Za-z0-9]*\\.");
    private static final Pattern WORDS_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*[A-Za-z](?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FXML_TEXT = Pattern.compile("\\b(?:text|promptText|title)=\"([^\"%][^\"]*)\"");

    @Test
    void fxmlTextsComeFromTheBundles() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : files(FXML, ".fxml")) {
            Matcher m = FXML_TEXT.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                if (m.group(1).matches("(?s).*\\p{L}.*")) {
                    found.add(f.getFileName() + ": " + m.group(0));
                }
            }
        }
        assertThat(files(FXML, ".fxml")).isNotEmpty();
        assertThat(found).as("FXML texts without %key").isEmpty();
    }

    @Test
    void convertedScreensWriteNoTextInTheirCode() throws IOException {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (String part : CONVERTED) {
            Path p = UI_SOURCES.resolve(part);
            assertThat(p).as("listed part").exists();
            for (Path f : Files.isDirectory(p) ? files(p, ".java") : List.of(p)) {
                scanned++;
                found.addAll(hardCoded(f.getFileName().toString(), Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        }
        assertThat(scanned).isGreaterThanOrEqualTo(CONVERTED.size());
        assertThat(found).as("texts written in the code").isEmpty();
    }

    @Test
    void theScannerSeesTextsInCallsButNotKeysIdsOrStyles() {
        List<String> lines = List.of(
                "label.setText(\"Saved\");",
                "Tab t = new Tab(\"Sweep\", view);",
                "status.set(\"Exported \" + n + \" rows\");",
                "b.setTooltip(new Tooltip(ok ? \"Yes\" : \"No\"));",
                "col = new TableColumn<Row, String>(\"Name\");",
                "label.setText(Messages.tr(\"rules.saved\", name));",
                "box.setId(\"languageBox\");",
                "node.setStyle(\"-fx-padding: 4\");",
                "label.setText(n + \" %\");",
                "status.set(Messages.tr(ok ? \"rules.saved\" : \"rules.notSaved\", name));",
                "status.set(ok ? \"Saved.\" : \"Not saved.\");");
        List<String> found = hardCoded("Sample.java", lines);
        assertThat(found).hasSize(6);
        assertThat(found.get(5)).contains("Saved.");
        assertThat(found.get(0)).contains("Saved");
        assertThat(found.get(4)).contains("Name");
        assertThat(FXML_TEXT.matcher("<Label text=\"Name\"/>").find()).isTrue();
        assertThat(FXML_TEXT.matcher("<Label text=\"%rules.name\"/>").find()).isFalse();
    }

    /** The lines of {@code lines} that hand a literal with letters to a call that shows text. */
    static List<String> hardCoded(String file, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                continue;
            }
            Matcher call = SHOWS_TEXT.matcher(line);
            while (call.find()) {
                String args = KEY_ARGUMENT.matcher(line.substring(call.end())).replaceAll("KEY");
                Matcher lit = WORDS_LITERAL.matcher(args);
                while (lit.find()) {
                    if (!MESSAGE_KEY.matcher(lit.group(1)).matches()) {
                        found.add(file + ":" + (i + 1) + ": \"" + lit.group(1) + "\"");
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }
}
