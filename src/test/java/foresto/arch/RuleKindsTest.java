package foresto.arch;

import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import foresto.engine.RebalancingRule;
import foresto.engine.TriggerDetail;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule kind (and the kind of an event's detail) is told apart by the compiler only: through the sealed types'
 * own methods and their {@code match}, never by a cast, an {@code instanceof}, a class literal or the kind's name
 * as a string. Only the sealed types themselves and the rule codec may name a kind that way.
 */
class RuleKindsTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("foresto");

    /** The files that may name a kind: the sealed types, the tag enum and the codec. */
    private static final Set<String> HOMES = Set.of("foresto/engine/RebalancingRule.java",
            "foresto/engine/TriggerDetail.java", "foresto/engine/TriggerType.java", "foresto/rule/RuleCodec.java");

    /** The classes that may test a kind with {@code instanceof} (the same homes, as classes). */
    private static final Set<String> HOME_CLASSES = Set.of("foresto.engine.RebalancingRule",
            "foresto.engine.TriggerDetail", "foresto.engine.TriggerType", "foresto.rule.RuleCodec");

    private static final String KIND = "(?:Periodic|Drift)";

    /** The ways code has told kinds apart by hand. */
    static final List<Pattern> KIND_TESTS = List.of(
            Pattern.compile("instanceof\\s+(?:\\w+\\.)*" + KIND + "\\b"),
            Pattern.compile("\\(\\s*(?:\\w+\\.)*" + KIND + "\\s*\\)\\s*[\\w(]"),
            Pattern.compile("\\b" + KIND + "\\.class\\b"),
            Pattern.compile("\"(?i:periodic|drift)\""),
            Pattern.compile("(?i:startsWith|equals|equalsIgnoreCase)\\(\\s*\"(?i:periodic|drift)"),
            Pattern.compile("\\bTriggerType\\.(?:PERIODIC|DRIFT)\\b"),
            Pattern.compile("\\bcase\\s+(?:PERIODIC|DRIFT)\\b"));

    @Test
    void noSourceFileOutsideTheSealedTypesAndTheCodecTellsRuleKindsApartByHand() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !HOMES.contains(MAIN.relativize(p).toString().replace('\\', '/')))
                    .sorted()
                    .forEach(p -> found.addAll(kindTests(p)));
        }
        assertThat(found).as("casts, instanceof, class literals or names of rule kinds outside %s", HOMES).isEmpty();
    }

    @Test
    void noClassOutsideTheSealedTypesAndTheCodecChecksAKindWithInstanceof() {
        List<String> found = new ArrayList<>();
        for (JavaClass c : CLASSES) {
            if (HOME_CLASSES.contains(outermost(c).getName())) {
                continue;
            }
            for (JavaCodeUnit u : c.getCodeUnits()) {
                for (InstanceofCheck check : u.getInstanceofChecks()) {
                    JavaClass t = check.getRawType();
                    if (isKind(t, RebalancingRule.class) || isKind(t, TriggerDetail.class)) {
                        found.add(u.getFullName() + " (line " + check.getLineNumber() + "): instanceof " + t.getName());
                    }
                }
            }
        }
        assertThat(found).as("instanceof on a rule kind or an event-detail kind").isEmpty();
    }

    @Test
    void theRuleCodecSitsRightAboveTheEngine() {
        // so the database layer, the model records, the use cases and the faces may all use it (foresto.text, the
        // plain-number formatter, depends on java.base alone: ArchitectureTest)
        classes().that().resideInAPackage("foresto.rule..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("foresto.rule..", "foresto.engine..",
                        "foresto.text..", "java..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("foresto.engine..")
                .should().dependOnClassesThat().resideInAPackage("foresto.rule..")
                .check(CLASSES);
    }

    @Test
    void thePatternsCatchEveryFormSeenBefore() {
        for (String hand : List.of("rule instanceof RebalancingRule.Drift x", "if (r instanceof Periodic p)",
                "Drift d = (Drift) r;", "(TriggerDetail.Drift) e.triggerDetail()", "TriggerDetail.Periodic.class",
                "\"DRIFT\".equals(t)", "s.startsWith(\"drift\")", "type == TriggerType.PERIODIC", "case DRIFT ->")) {
            assertThat(KIND_TESTS.stream().anyMatch(p -> p.matcher(hand).find())).as(hand).isTrue();
        }
        for (String fine : List.of("new RebalancingRule.Drift(0.05, FIRST, 0.001)", "Drift withCostRate(double c)",
                "r.match(p -> p.frequency(), d -> d.band())", "\"drift:0.05\"", "TriggerType.values()")) {
            assertThat(KIND_TESTS.stream().noneMatch(p -> p.matcher(fine).find())).as(fine).isTrue();
        }
    }

    private static boolean isKind(JavaClass t, Class<?> sealed) {
        return t.isAssignableTo(sealed) && !t.isEquivalentTo(sealed);
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass o = c;
        while (o.getEnclosingClass().isPresent()) {
            o = o.getEnclosingClass().get();
        }
        return o;
    }

    private static List<String> kindTests(Path file) {
        List<String> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern p : KIND_TESTS) {
                    Matcher m = p.matcher(lines.get(i));
                    if (m.find()) {
                        out.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
