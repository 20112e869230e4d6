package foresto.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Arrows point down only; the engine stays pure. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("foresto");

    @Test
    void engineImportsNoJavaFxJdbcHikariOrJackson() {
        noClasses().that().resideInAPackage("foresto.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.sql..", "javax.sql..", "com.zaxxer..", "com.fasterxml..", "org.postgresql..",
                        "org.flywaydb..", "picocli..", "java.net..", "java.nio.file..", "java.io..")
                .check(CLASSES);
    }

    @Test
    void engineKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("foresto.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "foresto.backtest..", "foresto.db..", "foresto.ui..", "foresto.cli..", "foresto.api..",
                        "foresto.csv..", "foresto.json..", "foresto.config..", "foresto.sample..", "foresto.error..")
                .check(CLASSES);
    }

    @Test
    void lowerLayersDoNotDependOnTheFaces() {
        noClasses().that().resideInAnyPackage("foresto.backtest..", "foresto.db..", "foresto.csv..", "foresto.json..")
                .should().dependOnClassesThat().resideInAnyPackage("foresto.ui..", "foresto.cli..", "foresto.api..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void databaseLayerDoesNotCallTheUseCases() {
        noClasses().that().resideInAPackage("foresto.db..")
                .should().dependOnClassesThat().resideInAnyPackage("foresto.backtest..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void theFacesUseTheServicesNotTheDatabase() {
        // the desktop, the HTTP API and the command line's run commands see records (foresto.model) handed over
        // by the services; only the launcher's database administration (DbCommand) and Backend wiring touch foresto.db
        noClasses().that().resideInAnyPackage("foresto.ui..", "foresto.api..")
                .should().dependOnClassesThat().resideInAnyPackage("foresto.db..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("foresto.cli..").and().haveNameNotMatching("foresto\\.cli\\.DbCommand.*")
                .should().dependOnClassesThat().resideInAnyPackage("foresto.db..")
                .check(CLASSES);
    }

    @Test
    void modelRecordsAreData() {
        noClasses().that().resideInAPackage("foresto.model..")
                .should().dependOnClassesThat().resideInAnyPackage("foresto.db..", "foresto.backtest..", "foresto.ui..",
                        "foresto.cli..", "foresto.api..", "java.sql..", "javax.sql..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void theCommandLineDoesNotReachIntoTheScreens() {
        noClasses().that().resideInAPackage("foresto.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("foresto.ui.main..", "foresto.ui.rules..",
                        "foresto.ui.chart..", "foresto.ui.sweep..")
                .because("the command line renders through foresto.ui.HeadlessReport, which takes the backtest layer's view")
                .check(CLASSES);
    }

    @Test
    void theTextFormsDependOnTheJdkAlone() {
        // every layer, the engine included, may format plain numbers: so the formatter itself depends on nothing
        classes().that().resideInAPackage("foresto.text..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("foresto.text..", "java..")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        // every package is its own slice, the roots included (foresto.ui as well as foresto.ui.main)
        slices().matching("foresto.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheCommandLinePrints() {
        // JabRef's rule: the console (System.out/err, printStackTrace) belongs to foresto.cli; everything else logs
        // through SLF4J (the desktop app to <data dir>/logs/foresto.log, see foresto.config.Logging). The desktop
        // launcher's own console lines (no display, start-up milestones) are written to the stream foresto.cli.Main
        // hands it.
        noClasses().that().resideOutsideOfPackage("foresto.cli..")
                .should(ACCESS_STANDARD_STREAMS)
                .because("the app logs through SLF4J to one file; only the command line owns the console")
                .check(CLASSES);
    }

    @Test
    void loggingIsSlf4jNotJavaUtilLogging() {
        // the two exceptions turn a library's own java.util.logging logger down, which only that API can do:
        // JavaFX's (severe only) and pgjdbc's (off: it would log rejected URLs with their user-info)
        noClasses().that().doNotHaveFullyQualifiedName("foresto.ui.DesktopLauncher")
                .and().doNotHaveFullyQualifiedName("foresto.db.Database")
                .should(USE_JAVA_UTIL_LOGGING)
                .check(CLASSES);
    }

    @Test
    void noTestWritesTheGoldenFilesItChecks() {
        // the writers run only by `mvn -Pgolden-write process-test-classes`; a test that wrote its expectations
        // would compare against what it had just written
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("foresto");
        noClasses().that().doNotHaveFullyQualifiedName("foresto.engine.GoldenWriter")
                .should().callMethod("foresto.engine.GoldenCases", "writeAll", "java.nio.file.Path")
                .check(tests);
        noClasses().that().doNotHaveFullyQualifiedName("foresto.engine.GoldenWriter")
                .and().doNotHaveFullyQualifiedName("foresto.backtest.SampleOffReferenceWriter")
                .and().doNotHaveFullyQualifiedName("foresto.ui.SplashImageWriter")
                .should().dependOnClassesThat().haveFullyQualifiedName("foresto.engine.GoldenWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("foresto.backtest.SampleOffReferenceWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("foresto.ui.SplashImageWriter")
                .check(tests);
    }
}
