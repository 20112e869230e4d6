package foresto.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * House rules that a compiler does not check, read from the sources themselves: imports instead of inline
 * qualified type names, one plain-number formatter, a {@code package-info.java} for every package, and comments
 * that say why rather than which requirement id asked for the code.
 */
class SourceStyleTest {
    private static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("src/test/java"),
            Path.of("src/bench/java"));

    /** A qualified type name: lower-case package segments, then a capitalised type (java.util.List, foresto.x.Y). */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.@])(?:java|javax|javafx|foresto|com|org|io|picocli)(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*");

    private static final Pattern REQUIREMENT_ID = Pattern.compile("\\bP\\d-[A-Z]\\d+\\b");

    @Test
    void codeImportsTypesInsteadOfNamingThemInline() {
        List<String> found = new ArrayList<>();
        for (Path f : javaFiles()) {
            String code = codeOnly(read(f));
            int lineStart = 0;
            for (String line : code.split("\n", -1)) {
                String t = line.strip();
                if (!t.startsWith("import ") && !t.startsWith("package ")) {
                    Matcher m = QUALIFIED.matcher(line);
                    while (m.find()) {
                        found.add(f + ":" + (lineNumber(code, lineStart)) + " " + m.group());
                    }
                }
                lineStart += line.length() + 1;
            }
        }
        assertThat(found).as("inline qualified type names (import them)").isEmpty();
    }

    @Test
    void plainNumbersAreFormattedInOnePlace() {
        List<String> found = new ArrayList<>();
        for (Path f : javaFiles()) {
            if (f.endsWith(Path.of("foresto/text/PlainNumber.java"))) {
                continue;
            }
            String code = codeOnly(read(f));
            if (code.contains(".toPlainString()")) {
                found.add(f.toString());
            }
        }
        assertThat(found).as("plain decimals are written by foresto.text.PlainNumber").isEmpty();
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(Path.of("src/main/java"))) {
            dirs.filter(Files::isDirectory).forEach(d -> {
                try (Stream<Path> files = Files.list(d)) {
                    boolean hasJava = files.anyMatch(p -> p.toString().endsWith(".java"));
                    if (hasJava && !Files.exists(d.resolve("package-info.java"))) {
                        missing.add(d.toString());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }

    @Test
    void commentsDoNotCiteRequirementIds() {
        List<String> found = new ArrayList<>();
        for (Path f : javaFiles()) {
            Matcher m = REQUIREMENT_ID.matcher(read(f));
            while (m.find()) {
                found.add(f + " " + m.group());
            }
        }
        assertThat(found).as("requirement ids in the sources (say why instead)").isEmpty();
    }

    @Test
    void theScannerSeesQualifiedNamesInCodeButNotInCommentsOrStrings() {
        String code = codeOnly("""
                var a = new java.util.ArrayList<String>(); // java.util.List in a comment
                String s = "foresto.ui.Main"; /* javafx.scene.Node */ char c = 'x';
                """);
        List<String> hits = new ArrayList<>();
        Matcher m = QUALIFIED.matcher(code);
        while (m.find()) {
            hits.add(m.group());
        }
        assertThat(hits).containsExactly("java.util.ArrayList");
    }

    private static int lineNumber(String text, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The text with comments, string, text-block and char literals blanked out (line breaks kept). */
    static String codeOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char q = s.charAt(i);
                end = i + 1;
                while (end < n && s.charAt(end) != q) {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
            } else {
                out.append(s.charAt(i++));
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(s.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }

    private static List<Path> javaFiles() {
        List<Path> files = new ArrayList<>();
        for (Path root : ROOTS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
