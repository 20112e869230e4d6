package foresto.ui.common;

import foresto.i18n.LocaleFormat;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sorted table shows new rows in the order its header's arrow says, not in the order they came. */
@ExtendWith(ApplicationExtension.class)
class SortedRowsTest {
    private record Row(double turnover) {
    }

    private static TableView<Row> sortedByTurnover() {
        TableView<Row> t = new TableView<>();
        TableColumn<Row, ?> turnover = NumberColumn.of("Turnover", Row::turnover, LocaleFormat::money);
        t.getColumns().setAll(List.of(turnover));
        t.getItems().setAll(rows(3.0, 1.0, 2.0));
        turnover.setSortType(TableColumn.SortType.ASCENDING);
        t.getSortOrder().setAll(List.of(turnover));
        return t;
    }

    private static List<Row> rows(double... values) {
        return Arrays.stream(values).mapToObj(Row::new).toList();
    }

    private static List<Double> shown(TableView<Row> t) {
        return t.getItems().stream().map(Row::turnover).toList();
    }

    @Test
    void replacedRowsAreSortedByTheTablesSortOrder() {
        TableView<Row> t = sortedByTurnover();
        assertThat(shown(t)).containsExactly(1.0, 2.0, 3.0);
        // what a table does by itself: new items keep the arrow but not the order
        t.getItems().setAll(rows(8.44, 8.65, 8.87, 9.09, 8.33));
        assertThat(shown(t)).containsExactly(8.44, 8.65, 8.87, 9.09, 8.33);

        SortedRows.replace(t, rows(8.44, 8.65, 8.87, 9.09, 8.33));
        assertThat(shown(t)).containsExactly(8.33, 8.44, 8.65, 8.87, 9.09);
    }

    @Test
    void anUnsortedTableKeepsTheRowsOrder() {
        TableView<Row> t = sortedByTurnover();
        t.getSortOrder().clear();
        SortedRows.replace(t, rows(2.0, 9.0, 1.0));
        assertThat(shown(t)).containsExactly(2.0, 9.0, 1.0);
    }

    @Test
    void aFollowedListIsShownSortedAndItselfNeverReordered() {
        TableView<Row> t = sortedByTurnover();
        ObservableList<Row> source = FXCollections.observableArrayList(rows(5.0, 4.0));
        SortedRows.follow(t, source); // as a panel binds its table, before anyone sorts it
        assertThat(shown(t)).containsExactly(5.0, 4.0);
        t.getSortOrder().setAll(List.of(t.getColumns().get(0)));
        assertThat(shown(t)).containsExactly(4.0, 5.0);
        assertThat(source).extracting(Row::turnover).containsExactly(5.0, 4.0);

        source.setAll(rows(7.0, 6.0, 8.0));
        assertThat(shown(t)).containsExactly(6.0, 7.0, 8.0);
        assertThat(source).extracting(Row::turnover).containsExactly(7.0, 6.0, 8.0);
        source.add(new Row(0.5));
        assertThat(shown(t)).containsExactly(0.5, 6.0, 7.0, 8.0);
    }
}
