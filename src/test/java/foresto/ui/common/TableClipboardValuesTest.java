package foresto.ui.common;

import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table copied for a spreadsheet holds each cell as the screen shows it, grouped and rounded as the analyst reads
 * it, in English and Korean: number columns and columns of texts alike.
 */
@ExtendWith(ApplicationExtension.class)
class TableClipboardValuesTest {
    private final Locale was = Messages.locale();

    /** A row: a name, an amount of money and a fraction. */
    private record Row(String name, double money, double fraction) {
    }

    @AfterEach
    void restoreLanguage() {
        Messages.use(was);
    }

    private static TableView<Row> table() {
        TableView<Row> t = new TableView<>();
        TableColumn<Row, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<Row, String> percent = new TableColumn<>("Share");
        percent.setCellValueFactory(c -> new ReadOnlyStringWrapper(LocaleFormat.percent(c.getValue().fraction(), 2)));
        t.getColumns().setAll(List.of(name, NumberColumn.of("Value", Row::money, LocaleFormat::money),
                percent));
        t.getItems().setAll(new Row("EQUITY 1,2", 1234.56, 0.123456789), new Row("BOND", 33030.3647, -0.00005));
        return t;
    }

    @Test
    void cellsAreCopiedAsTheScreenShowsThemInEnglishAndKorean() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            Messages.use(language);
            TableView<Row> t = table();
            // the screen groups thousands with "," and rounds to two decimals in both languages
            assertThat(t.getColumns().get(1).getCellObservableValue(0)).isNotNull();
            assertThat(LocaleFormat.money(1234.56)).as(language.toString()).isEqualTo("1,234.56");
            assertThat(LocaleFormat.money(33030.3647)).as(language.toString()).isEqualTo("33,030.36");
            assertThat(TableClipboard.tsv(t)).as(language.toString()).isEqualTo(
                    "Name\tValue\tShare\n"
                            + "EQUITY 1,2\t1,234.56\t12.35 %\n"
                            + "BOND\t33,030.36\t-0.01 %\n");
        }
    }
}
