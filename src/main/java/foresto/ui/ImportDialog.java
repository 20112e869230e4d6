package foresto.ui;

import foresto.backtest.ImportService;
import foresto.csv.MarketCsvReader;
import foresto.model.DatasetRecord;
import foresto.model.Imported;
import foresto.model.Replace;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

/** "Import market data…": the same importer as the import-returns command, run in the background. */
final class ImportDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();

    ImportDialog(Window owner, ImportService imports, TaskExecutor executor, Consumer<DatasetRecord> imported) {
        dialog.initOwner(owner);
        MainWindow.styled(dialog.getDialogPane());
        dialog.setTitle("Import market data");
        dialog.setHeaderText("A daily CSV: date,<columns>…; all rows are validated first, then stored in one transaction.");
        TextField file = new TextField();
        file.setPrefColumnCount(32);
        Button browse = new Button("Browse…");
        TextField name = new TextField();
        TextField columns = new TextField();
        columns.setPromptText("e.g. US_EQUITY_SP500=EQUITY,US_TREASURY_10Y=BOND,CASH_1Y_ACCRUAL=SHORT_TERM,OIL_BRENT=OTHER");
        ComboBox<String> kind = new ComboBox<>();
        kind.getItems().setAll("returns", "prices");
        kind.setValue("returns");
        CheckBox replace = new CheckBox("Replace an existing dataset of that name");
        CheckBox force = new CheckBox("…even when stored runs use it (they are deleted)");
        force.disableProperty().bind(replace.selectedProperty().not());
        force.setId("importForceBox");
        TextArea result = new TextArea();
        file.setId("importFileField");
        name.setId("importNameField");
        columns.setId("importColumnsField");
        kind.setId("importKindBox");
        replace.setId("importReplaceBox");
        result.setId("importResult");
        result.setEditable(false);
        result.setPrefRowCount(6);
        result.setWrapText(true);
        browse.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = fc.showOpenDialog(owner);
            if (f != null) {
                file.setText(f.getPath());
                if (name.getText().isBlank()) {
                    name.setText(f.getName().replaceAll("\\.csv$", ""));
                }
            }
        });
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        g.addRow(0, label("File"), file, browse);
        g.addRow(1, label("Dataset name"), name);
        g.addRow(2, label("Columns"), columns);
        g.addRow(3, label("Kind"), kind);
        g.add(replace, 1, 4);
        g.add(force, 1, 5);
        g.add(result, 0, 6, 3, 1);
        dialog.getDialogPane().setContent(g);
        ButtonType importType = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(importType, ButtonType.CLOSE);
        Button importButton = (Button) dialog.getDialogPane().lookupButton(importType);
        importButton.setId("importRunButton");
        importButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // keep the dialog open to show the outcome
            importButton.setDisable(true);
            result.setText("Importing …");
            // every control is read here, on the FX thread; the worker gets plain values
            String path = file.getText().trim();
            String datasetName = name.getText();
            String mapping = columns.getText();
            String kindName = kind.getValue();
            Replace policy = !replace.isSelected() ? Replace.NO
                    : force.isSelected() ? Replace.FORCE : Replace.UNLESS_RUNS;
            executor.submit("import", () -> imports.importDescribed(Path.of(path), datasetName,
                    MarketCsvReader.parseMapping(mapping), MarketCsvReader.Kind.parse(kindName), policy), described -> {
                        Imported done = described.imported();
                        DatasetRecord d = done.dataset();
                        importButton.setDisable(false);
                        result.setText("Imported '" + d.name() + "' (id " + d.datasetId() + "): " + d.rowCount() + " rows, "
                                + d.firstDate() + ".." + d.lastDate() + " (" + described.detected() + ")"
                                + (done.deletedRuns() == 0 ? ""
                                : "; deleted " + done.deletedRuns() + " stored runs of the replaced data"));
                        imported.accept(d);
                    }, t -> {
                        importButton.setDisable(false);
                        result.setText(UiError.of("Import failed", t).describe());
                    }, () -> importButton.setDisable(false));
        });
    }

    /** A label that is never cut ("Datase…"): at least as wide as its text. */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    void show() {
        dialog.show();
    }
}
