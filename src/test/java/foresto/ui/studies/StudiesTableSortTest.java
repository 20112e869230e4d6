package foresto.ui.studies;

import foresto.backtest.FeatureFlags;
import foresto.study.StudyCell;
import foresto.study.StudyOutput;
import foresto.ui.MainWindow;
import foresto.ui.common.ColumnFit;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.UiError;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Studies table sorts its figures by value (1007 after 407, a marked figure by its number) and never cuts a header. */
@ExtendWith(ApplicationExtension.class)
class StudiesTableSortTest {
    private StudiesViewModel vm;
    private StudiesView view;
    private final List<UiError> errors = new ArrayList<>();

    @Start
    void start(Stage stage) {
        MainWindow.applyTheme();
        vm = new StudiesViewModel(new FxTaskExecutor(), FeatureFlags.ON, errors::add);
        view = new StudiesView(vm, name -> Optional.empty());
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("/foresto/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private TableColumn<StudyCell, String> column(String id) {
        for (TableColumn<StudyCell, ?> c : view.table().getVisibleLeafColumns()) {
            if (id.equals(c.getId())) {
                return (TableColumn<StudyCell, String>) c;
            }
        }
        throw new AssertionError("no column " + id);
    }

    @Test
    void figuresSortByValueAndHeadersAreWholeAt1280x800(FxRobot robot) throws Exception {
        TableColumn<StudyCell, String> events = column("study-events-ours");
        // a figure marked OUTSIDE sorts by its number, before a larger one
        assertThat(events.getComparator().compare("407", "1007")).isNegative();
        assertThat(events.getComparator().compare("9.50 % " + StudiesView.outside(), "61.24 %")).isNegative();
        assertThat(events.getComparator().compare("61.24 % " + StudiesView.outside(), "9.50 %")).isPositive();
        assertThat(column("study-events-published").getComparator().compare("1,100", "95")).isPositive();

        robot.clickOn("#studyRunButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            view.table().getSortOrder().setAll(List.of(events));
            events.setSortType(TableColumn.SortType.ASCENDING);
        });
        WaitForAsyncUtils.waitForFxEvents();
        StudyOutput.Figure f = StudyOutput.Figure.EVENTS;
        List<Double> shown = view.table().getItems().stream().map(c -> f.of(c.ours())).toList();
        assertThat(shown).hasSize(11).isSorted();
        assertThat(shown.get(0)).isLessThan(shown.get(10));
        assertThat(shown).contains(1007.0, 407.0); // text order would put "1007" before "407"

        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            view.table().layout();
            for (TableColumn<StudyCell, ?> c : view.table().getVisibleLeafColumns()) {
                if (c.getWidth() + 0.5 < ColumnFit.headerWidth(view.table(), c)) {
                    cut.add(c.getText() + " " + c.getWidth());
                }
            }
        });
        assertThat(cut).isEmpty();
        assertThat(errors).isEmpty();
    }
}
