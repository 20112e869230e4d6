package foresto.ui;

import foresto.i18n.Messages;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.Fonts;
import foresto.ui.main.MainViewModel;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static org.assertj.core.api.Assertions.assertThat;

/** With USE_REBALANCING off: rule controls disabled, banner shown, OFF runs work; then the database fails. */
class FlagOffAndFailureTest extends RobotTestBase {
    @Override
    boolean rebalancing() {
        return false;
    }


    private MainViewModel vm() {
        return fx.window.mainViewModel();
    }

    @Test
    void flagOffDisablesRuleControlsShowsTheBannerAndStillRunsOff(FxRobot robot) {
        UiFixture.waitUntil(() -> !vm().getPortfolios().isEmpty() && !vm().busyProperty().get());
        Label banner = robot.lookup(".banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).contains("USE_REBALANCING").contains("USE_REBALANCING=1");
        assertThat(robot.lookup("#rebalancingToggle").queryAs(CheckBox.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#rebalancingToggle").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#ruleBox").queryAs(ComboBox.class).isDisabled()).isTrue();

        robot.clickOn("#runButton");
        UiFixture.waitUntil(() -> vm().resultProperty().get() != null && !vm().busyProperty().get()
                && fx.window.main().chartedRun.get() == vm().resultProperty().get());
        assertThat(vm().resultProperty().get().paths().hasOn()).isFalse();
        assertThat(vm().getEvents()).isEmpty();
        assertThat(fx.window.main().valueChart().seriesNames()).containsExactly("OFF: buy-and-hold");
        // an OFF-only run is titled and coloured as OFF
        assertThat(robot.lookup("#valueTitle").queryAs(Label.class).getText()).isEqualTo("Value: OFF (buy-and-hold) only");
        assertThat(fx.window.main().valueChart().colourOf(0)).isEqualTo(TimeSeriesChart.OFF_COLOUR);
        assertThat(vm().statusProperty().get()).contains("rebalancing OFF");

        // the database goes away: the next run fails with a dialog carrying the code, and the app keeps working
        fx.db.close();
        robot.interact(() -> vm().initialValueProperty().set("12345"));
        robot.clickOn("#runButton");
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        // headed in plain words from the bundle; the code only in the details line
        assertThat(dialog.getHeaderText()).isEqualTo(Messages.tr("main.status.operationFailed"))
                .doesNotContain("DATABASE_").doesNotContain("_");
        assertThat(dialog.getContentText()).containsPattern("DATABASE_(UNAVAILABLE|ERROR)");
        assertThat(dialog.getContentText().lines().findFirst().orElseThrow()).doesNotContain("DATABASE_");
        assertThat(dialog.getContentText()).doesNotContain("Exception").doesNotContain("\tat ");
        // dialogs have scenes of their own: they carry the app's style sheet, so Korean text in them renders too
        assertThat(dialog.getStylesheets()).anyMatch(css -> css.endsWith("/foresto/ui/app.css"));
        assertThat(dialog.lookup(".content").getStyleClass()).isNotNull();
        assertThat(((Label) dialog.lookup(".content")).getFont().getFamily()).isEqualTo(Fonts.FAMILY);
        assertThat(vm().statusProperty().get()).startsWith("Failed: DATABASE_");
        robot.clickOn("OK");
        UiFixture.waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isEmpty());
        // still responsive: controls react and the previous result is still shown
        robot.clickOn("#initialValueField").eraseText(5).write("777");
        assertThat(vm().initialValueProperty().get()).isEqualTo("777");
        assertThat(vm().resultProperty().get()).isNotNull();
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isFalse();
    }
}
