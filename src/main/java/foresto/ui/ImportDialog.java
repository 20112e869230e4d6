package foresto.ui;

import foresto.i18n.ErrorText;
import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
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
import java.util.regex.Pattern;
import java.util.function.Consumer;

/** "Import market data…": the same importer as the import-returns command, run in the background. */
final class ImportDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();

    private static final Pattern CSV_EXTENSION = Pattern.compile("\\.csv$");

    ImportDialog(Window owner, ImportService imports, TaskExecutor executor, Consumer<DatasetRecord> imported) {
        dialog.initOwner(owner);
        MainWindow.styled(dialog.getDialogPane());
        dialog.setTitle(Messages.tr("import.title"));
        dialog.setHeaderText(Messages.tr("import.header"));
        TextField file = new TextField();
        file.setPrefColumnCount(32);
        Button browse = new Button(Messages.tr("import.browse"));
        TextField name = new TextField();
        TextField columns = new TextField();
        columns.setPromptText(Messages.tr("import.columnsPrompt"));
        ComboBox<String> kind = new ComboBox<>();
        kind.getItems().setAll("returns", "prices");
        kind.setValue("returns");
        CheckBox replace = new CheckBox(Messages.tr("import.replace"));
        CheckBox force = new CheckBox(Messages.tr("import.force"));
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
                    name.setText(CSV_EXTENSION.matcher(f.getName()).replaceAll(""));
                }
            }
        });
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        g.addRow(0, label(Messages.tr("import.file")), file, browse);
        g.addRow(1, label(Messages.tr("import.datasetName")), name);
        g.addRow(2, label(Messages.tr("import.columns")), columns);
        g.addRow(3, label(Messages.tr("import.kind")), kind);
        g.add(replace, 1, 4);
        g.add(force, 1, 5);
        g.add(result, 0, 6, 3, 1);
        dialog.getDialogPane().setContent(g);
        ButtonType importType = new ButtonType(Messages.tr("import.run"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(importType, ButtonType.CLOSE);
        Button importButton = (Button) dialog.getDialogPane().lookupButton(importType);
        importButton.setId("importRunButton");
        importButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // keep the dialog open to show the outcome
            importButton.setDisable(true);
            result.setText(Messages.tr("import.running"));
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
                        result.setText(Messages.tr("import.done", d.name(), String.valueOf(d.datasetId()),
                                LocaleFormat.integer(d.rowCount()), LocaleFormat.date(d.firstDate()),
                                LocaleFormat.date(d.lastDate()), described.detected())
                                + (done.deletedRuns() == 0 ? ""
                                : Messages.tr("import.deletedRuns", LocaleFormat.integer(done.deletedRuns()))));
                        imported.accept(d);
                    }, t -> {
                        importButton.setDisable(false);
                        // the code first, as the import-returns command prints it, then the plain words
                        UiError failure = UiError.of(Messages.tr("import.failed"), t);
                        result.setText(failure.describe() + "\n" + ErrorText.plain(failure.code()));
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
