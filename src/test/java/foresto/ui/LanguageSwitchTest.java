package foresto.ui;

import foresto.backtest.ImportService;
import foresto.backtest.RuleService;
import foresto.i18n.Messages;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.UiState;
import foresto.ui.i18n.UiLanguage;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyst picks Korean in the status bar: it is remembered, said in Korean, and the next start is in Korean. */
class LanguageSwitchTest extends FixtureTestBase {
    private final Locale jvmDefault = Locale.getDefault();

    @AfterEach
    void backToEnglish() {
        Messages.use(Locale.ENGLISH); // the other tests of this JVM read English
        Locale.setDefault(jvmDefault); // UiLanguage.apply moves the JVM's default to the chosen language
    }

    @Test
    void pickingKoreanIsRememberedAndTheNextStartIsInKorean(FxRobot robot, @TempDir Path dir) throws Exception {
        Path stateFile = dir.resolve("ui-state.properties");
        Messages.use(UiLanguage.chosen(new UiState(stateFile), Locale.US));
        show(new UiState(stateFile));
        assertThat(tabText(robot, 0)).isEqualTo("Analysis");
        assertThat(robot.lookup("#runButton").queryAs(Button.class).getText()).isEqualTo("Run (Ctrl+Enter)");

        assertThat(robot.lookup("#languageMenu").queryAs(Label.class).getText()).isEqualTo("English ▾");
        robot.clickOn("#languageMenu");
        robot.clickOn("한국어");
        UiFixture.waitUntil(() -> !robot.lookup("#languageNote").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#languageNote").queryAs(Label.class).getText())
                .isEqualTo("앱을 다시 시작하면 한국어 화면으로 바뀝니다.");
        assertThat(new UiState(stateFile).get(UiState.LANGUAGE)).contains("ko");
        // this window stays English until the restart
        assertThat(tabText(robot, 0)).isEqualTo("Analysis");

        // the next start reads the remembered choice, whatever the machine's locale
        assertThat(UiLanguage.apply(new UiState(stateFile))).isEqualTo(Locale.KOREAN);
        // JavaFX's own texts follow the JVM's default locale, which now follows the choice
        assertThat(Locale.getDefault().getLanguage()).isEqualTo("ko");
        show(new UiState(stateFile));
        assertThat(tabText(robot, 0)).isEqualTo("분석");
        assertThat(robot.lookup("#runButton").queryAs(Button.class).getText()).isEqualTo("실행 (Ctrl+Enter)");
        assertThat(robot.lookup("#languageMenu").queryAs(Label.class).getText()).isEqualTo("한국어 ▾");
        assertThat(robot.lookup("#languageNote").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void withoutAChoiceTheMachineLocaleDecides() {
        UiState none = UiState.inMemory();
        assertThat(UiLanguage.chosen(none, Locale.KOREA)).isEqualTo(Locale.KOREAN);
        assertThat(UiLanguage.chosen(none, Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
        none.put(UiState.LANGUAGE, "en");
        assertThat(UiLanguage.chosen(none, Locale.KOREA)).isEqualTo(Locale.ENGLISH);
        none.put(UiState.LANGUAGE, "xx");
        assertThat(UiLanguage.chosen(none, Locale.KOREA)).isEqualTo(Locale.KOREAN);
    }

    private void show(UiState state) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> {
            MainWindow.applyTheme();
            fx.window = MainWindow.create(fx.service, new RuleService(fx.db.dataSource()),
                    new ImportService(fx.db.dataSource()), new FxTaskExecutor(), state, (owner, name) -> Optional.empty());
            fx.window.showIn(stage);
        });
        UiFixture.waitUntil(() -> !fx.window.mainViewModel().busyProperty().get());
    }

    private String tabText(FxRobot robot, int i) {
        return robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs().isEmpty() ? null
                : fx.window.main().tabs().getTabs().get(i).getText();
    }
}
