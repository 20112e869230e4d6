package foresto.ui;

import foresto.model.RuleRecord;
import foresto.ui.common.RuleText;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the Korean screen the sentences the lab builds from its data read in Korean: the chosen rule under the picker,
 * the events table's "Why it fired" and trigger columns, and the data frequency of the Summary.
 */
class KoreanDomainTextTest extends FixtureTestBase {
    @Test
    void theKoreanEventsTableSaysWhyInKorean(FxRobot robot) throws Exception {
        // a drift rule, so the explanation names the class that crossed its band
        RuleRecord drift = fx.showWithDriftRule(robot, Locale.KOREAN);
        var vm = fx.window.mainViewModel();
        assertThat(hangul(robot.lookup("#ruleLabel").queryAs(Label.class).getText())).as("the rule in words").isTrue();
        assertThat(robot.lookup("#ruleLabel").queryAs(Label.class).getText()).contains("드리프트 ≥ ").contains("밴드");

        robot.interact(vm::run);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        TableView<?> table = robot.lookup("#eventTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        List<String> why = shownTexts(robot, "col_trigger_detail");
        assertThat(why).as("rendered Why-it-fired cells").isNotEmpty();
        assertThat(why).allMatch(KoreanDomainTextTest::hangul).allMatch(t -> t.contains("드리프트"));
        assertThat(shownTexts(robot, "col_trigger_type")).isNotEmpty().allMatch("드리프트"::equals);
        assertThat(vm.resultProperty().get().frequencyText()).isEqualTo("일간 데이터 (f = 252)");

        // the Rules tab tells each stored rule in words on hover
        robot.interact(() -> fx.window.main().tabs().getSelectionModel().select(1));
        UiFixture.waitUntil(() -> !robot.lookup("#ruleTable .table-row-cell").queryAllAs(TableRow.class).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> tips = robot.lookup("#ruleTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && r.getTooltip() != null).map(r -> r.getTooltip().getText()).toList();
        assertThat(tips).hasSize(vm.getRules().size()).allMatch(KoreanDomainTextTest::hangul)
                .contains(RuleText.of(drift)).anyMatch(t -> t.startsWith("정기 리밸런싱, "));
    }

    /** The texts of the rendered, non-empty cells of the events table's column {@code id}. */
    private static List<String> shownTexts(FxRobot robot, String id) {
        return robot.lookup("#eventTable .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && id.equals(c.getTableColumn().getId()))
                .map(TableCell::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }

    private static boolean hangul(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }
}
