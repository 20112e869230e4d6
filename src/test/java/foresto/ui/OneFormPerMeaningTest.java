package foresto.ui;

import foresto.i18n.Messages;
import foresto.model.RuleRecord;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English screen writes one meaning in one form: the events table's trigger and band in words (not the file's
 * codes DRIFT / ABSOLUTE), the class by its name; the Rules table's threshold in points and its cost rate as a
 * percentage, as the rule under the picker writes them.
 */
class OneFormPerMeaningTest extends FixtureTestBase {
    @Test
    void bandsCostsAndTriggersReadInWords(FxRobot robot) throws Exception {
        RuleRecord drift = fx.showWithDriftRule(robot, Locale.ENGLISH);
        var vm = fx.window.mainViewModel();
        robot.interact(vm::run);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        TableView<?> events = robot.lookup("#eventTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> !events.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shownTexts(robot, "col_trigger_type")).isNotEmpty().allMatch("Drift"::equals);
        assertThat(shownTexts(robot, "col_band_kind")).isNotEmpty().allMatch("absolute"::equals);
        assertThat(shownTexts(robot, "col_trigger_detail")).isNotEmpty()
                .noneMatch(t -> t.contains("EQUITY") || t.contains("BOND") || t.contains("ABSOLUTE"))
                .allMatch(t -> t.contains(" drifted ") && t.contains("absolute band 5.00 %p"));

        robot.interact(() -> fx.window.main().tabs().getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        TableView<RuleRecord> rules = robot.lookup("#ruleTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> !rules.getItems().isEmpty());
        int row = rules.getItems().indexOf(drift);
        assertThat(cell(rules, Messages.tr("rules.col.threshold"), row)).isEqualTo("5 %p");
        assertThat(cell(rules, Messages.tr("rules.col.costRate"), row)).isEqualTo("0.10 %");
        assertThat(drift.costRate().doubleValue()).isEqualTo(0.001);
    }

    private static String cell(TableView<RuleRecord> table, String title, int row) {
        TableColumn<RuleRecord, ?> c = table.getColumns().stream().filter(k -> title.equals(k.getText())).findFirst().orElseThrow();
        return String.valueOf(c.getCellData(row));
    }

    private static List<String> shownTexts(FxRobot robot, String id) {
        return robot.lookup("#eventTable .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && id.equals(c.getTableColumn().getId()))
                .map(TableCell::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }
}
