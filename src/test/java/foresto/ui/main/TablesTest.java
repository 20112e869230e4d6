package foresto.ui.main;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Priming a table: its rows are made ahead of need, the sample is never left in it, later rows reuse them. */
@ExtendWith(ApplicationExtension.class)
class TablesTest {
    private final ObservableList<String> own = FXCollections.observableArrayList();
    private TableView<String> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>(own);
        TableColumn<String, String> c = new TableColumn<>("value");
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue()));
        table.getColumns().add(c);
        table.setFixedCellSize(24);
        stage.setScene(new Scene(new StackPane(table), 300, 300));
        stage.show();
    }

    /** The table's rows after a layout (FX thread). */
    private Set<TableRow<?>> rows(FxRobot robot) {
        AtomicReference<Set<TableRow<?>>> out = new AtomicReference<>();
        robot.interact(() -> {
            table.layout();
            Set<TableRow<?>> rows = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Node n : table.lookupAll(".table-row-cell")) {
                if (n instanceof TableRow<?> r) {
                    rows.add(r);
                }
            }
            out.set(rows);
        });
        return out.get();
    }

    @Test
    void rowsAreMadeAheadTheSampleIsNeverLeftAndRealRowsReuseThem(FxRobot robot) throws Exception {
        Set<TableRow<?>> before = rows(robot);
        boolean[] primed = new boolean[1];
        robot.interact(() -> primed[0] = Tables.prime(table, List.of("sample")));
        assertThat(primed[0]).isTrue();
        assertThat(table.getItems()).isSameAs(own).isEmpty();
        Set<TableRow<?>> made = rows(robot);
        // enough rows for the table's height (300 px at 24 px a row, less the header), more than it had before
        assertThat(made.size()).isGreaterThan(before.size()).isGreaterThanOrEqualTo(10);
        assertThat(made).allMatch(r -> r.isEmpty() || !r.isVisible());
        boolean sampleShown = WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".table-cell").stream()
                .anyMatch(n -> n instanceof Labeled l && "sample".equals(l.getText()) && n.isVisible())).get();
        assertThat(sampleShown).as("no cell shows the sample").isFalse();

        robot.interact(() -> own.setAll(IntStream.range(0, 8).mapToObj(i -> "run " + i).toList()));
        Set<TableRow<?>> shown = rows(robot);
        assertThat(made).as("the real rows are the primed ones").containsAll(shown);
        assertThat(shown.stream().filter(r -> !r.isEmpty() && r.isVisible()).map(r -> (String) r.getItem()))
                .containsExactlyInAnyOrder("run 0", "run 1", "run 2", "run 3", "run 4", "run 5", "run 6", "run 7");
    }

    @Test
    void aTableShowingRowsBoundItemsOrNoSceneIsLeftAlone(FxRobot robot) {
        boolean[] primed = new boolean[4];
        robot.interact(() -> {
            own.setAll("a", "b");
            primed[3] = Tables.prime(table, List.of("sample")); // rows shown: they exist already
            table.getSelectionModel().select(1);
            primed[0] = Tables.prime(table, List.of("sample"));
            TableView<String> bound = new TableView<>();
            bound.itemsProperty().bind(new SimpleObjectProperty<>(FXCollections.observableArrayList()));
            ((StackPane) table.getParent()).getChildren().add(bound);
            primed[1] = Tables.prime(bound, List.of("sample"));
            primed[2] = Tables.prime(new TableView<>(), List.of("sample"));
        });
        assertThat(primed).containsExactly(false, false, false, false);
        assertThat(table.getItems()).isSameAs(own).containsExactly("a", "b");
        assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo("b");
    }
}
