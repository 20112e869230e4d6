package foresto.ui.rules;

import foresto.i18n.Messages;
import foresto.model.RuleRecord;
import foresto.rule.RuleCodec;
import foresto.rule.RuleCodec.Column;
import foresto.text.DisplayNumber;
import foresto.ui.common.CodeText;
import foresto.ui.common.ColumnFit;
import foresto.ui.common.NumberColumn;
import foresto.ui.common.RuleText;
import foresto.ui.main.MainController;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import java.util.List;
import java.util.function.Function;

/** Binds the rules editor to {@link RulesViewModel}. */
public final class RulesController {
    @FXML TableView<RuleRecord> ruleTable;
    @FXML TextField nameField;
    @FXML ComboBox<String> typeBox;
    @FXML ComboBox<String> frequencyBox;
    @FXML ComboBox<String> baseDayBox;
    @FXML TextField thresholdField;
    @FXML TextField costRateField;
    @FXML ComboBox<String> bandBox;
    @FXML TextField rhoField;
    @FXML ComboBox<String> checkBox;
    @FXML TextField rebalanceToField;
    @FXML TextField phaseField;
    @FXML TextField dayOffsetField;
    @FXML DatePicker fromPicker;
    @FXML DatePicker toPicker;
    @FXML CheckBox activeBox;
    @FXML Label validationLabel;
    @FXML Label statusLabel;
    @FXML Button newButton;
    @FXML Button saveButton;
    @FXML Button deactivateButton;

    private RulesViewModel vm;

    /** The rules whose texts size the table's columns. */
    private static final int FIT_ROWS = 60;
    /** The widest a column's texts make it (a long rule name shows in full on hover). */
    private static final double MAX_COLUMN_WIDTH = 300;

    public void bind(RulesViewModel vm) {
        this.vm = vm;
        ruleTable.setItems(vm.getRules());
        ruleTable.setRowFactory(RuleText.rowsWithTooltip());
        ruleTable.setPlaceholder(new Label(Messages.tr("rules.noRules")));
        ruleTable.getColumns().setAll(List.of(
                col(Messages.tr("rules.col.id"), r -> Long.toString(r.ruleId())),
                col(Messages.tr("rules.col.name"), RuleRecord::ruleName),
                col(Messages.tr("rules.col.type"), r -> CodeText.of(r.ruleType())),
                col(Messages.tr("rules.col.frequency"), r -> CodeText.of(r.frequency())),
                col(Messages.tr("rules.col.baseDay"), r -> CodeText.of(r.baseDayPolicy())),
                col(Messages.tr("rules.col.threshold"), r -> r.driftThreshold() == null ? ""
                        : RuleText.threshold(r.driftThreshold().doubleValue())),
                col(Messages.tr("rules.col.band"), r -> !RuleCodec.takes(r.ruleType(), Column.DRIFT_BAND) ? ""
                        : r.bandRho() == null ? CodeText.of(r.driftBand())
                        : Messages.tr("rules.cell.rho", CodeText.of(r.driftBand()), RuleText.share(r.bandRho().doubleValue()))),
                col(Messages.tr("rules.col.check"), r -> RuleCodec.takes(r.ruleType(), Column.CHECK_FREQUENCY) ? CodeText.of(r.checkFrequency()) : ""),
                col(Messages.tr("rules.col.tradeTo"), r -> r.rebalanceTo() == null || r.rebalanceTo().signum() == 0 ? ""
                        : RuleText.share(r.rebalanceTo().doubleValue())),
                col(Messages.tr("rules.col.phase"), r -> r.phase() == 0 ? "" : Integer.toString(r.phase())),
                col(Messages.tr("rules.col.dayOffset"), r -> r.dayOffset() == 0 ? "" : Integer.toString(r.dayOffset())),
                col(Messages.tr("rules.col.costRate"), r -> DisplayNumber.rate(r.costRate().doubleValue())),
                col(Messages.tr("rules.col.effective"), r -> r.effectiveFrom() + ".." + (r.effectiveTo() == null ? "" : r.effectiveTo())),
                col(Messages.tr("rules.col.active"), r -> Messages.tr(r.isActive() ? "common.yes" : "common.no"))));
        // columns at their texts' width (kinds and calendars in words are longer than their codes); the table scrolls
        // sideways rather than squeeze a column until its words are cut
        ruleTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.headersNeverCut(ruleTable);
        Runnable fit = () -> Platform.runLater(() -> ColumnFit.toContent(ruleTable, FIT_ROWS, MAX_COLUMN_WIDTH));
        vm.getRules().addListener((ListChangeListener<RuleRecord>) c -> fit.run());
        ruleTable.skinProperty().addListener((o, a, b) -> fit.run());
        fit.run();
        ruleTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.selectedProperty().set(r);
            }
        });
        vm.selectedProperty().addListener((o, a, r) -> {
            if (r == null) {
                ruleTable.getSelectionModel().clearSelection();
            } else if (ruleTable.getSelectionModel().getSelectedItem() != r) {
                ruleTable.getSelectionModel().select(r);
            }
        });
        typeBox.getItems().setAll(RuleCodec.typeNames());
        frequencyBox.getItems().setAll("MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL");
        bandBox.getItems().setAll("ABSOLUTE", "RELATIVE", "HYBRID");
        checkBox.getItems().setAll("DAILY", "MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL");
        bandBox.valueProperty().bindBidirectional(vm.bandProperty());
        bandBox.disableProperty().bind(lacks(Column.DRIFT_BAND));
        rhoField.textProperty().bindBidirectional(vm.rhoProperty());
        rhoField.disableProperty().bind(lacks(Column.BAND_RHO).or(vm.bandProperty().isEqualTo("ABSOLUTE")));
        checkBox.valueProperty().bindBidirectional(vm.checkProperty());
        checkBox.disableProperty().bind(lacks(Column.CHECK_FREQUENCY));
        rebalanceToField.textProperty().bindBidirectional(vm.rebalanceToProperty());
        rebalanceToField.disableProperty().bind(lacks(Column.REBALANCE_TO));
        BooleanBinding noCalendar = Bindings.createBooleanBinding(() -> !vm.hasCalendar(), vm.ruleTypeProperty(), vm.checkProperty());
        phaseField.textProperty().bindBidirectional(vm.phaseProperty());
        phaseField.disableProperty().bind(noCalendar);
        dayOffsetField.textProperty().bindBidirectional(vm.dayOffsetProperty());
        dayOffsetField.disableProperty().bind(noCalendar);
        baseDayBox.getItems().setAll("FIRST_TRADING_DAY", "LAST_TRADING_DAY");
        for (ComboBox<String> codes : List.of(typeBox, frequencyBox, bandBox, checkBox, baseDayBox)) {
            codes.setConverter(CodeText.converter(codes.getItems()));
        }
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        typeBox.valueProperty().bindBidirectional(vm.ruleTypeProperty());
        frequencyBox.valueProperty().bindBidirectional(vm.frequencyProperty());
        frequencyBox.disableProperty().bind(lacks(Column.FREQUENCY));
        baseDayBox.valueProperty().bindBidirectional(vm.baseDayProperty());
        thresholdField.textProperty().bindBidirectional(vm.thresholdProperty());
        thresholdField.disableProperty().bind(lacks(Column.DRIFT_THRESHOLD).or(vm.bandProperty().isEqualTo("RELATIVE")));
        costRateField.textProperty().bindBidirectional(vm.costRateProperty());
        fromPicker.setConverter(MainController.ISO_DATES);
        toPicker.setConverter(MainController.ISO_DATES);
        fromPicker.valueProperty().bindBidirectional(vm.effectiveFromProperty());
        toPicker.valueProperty().bindBidirectional(vm.effectiveToProperty());
        activeBox.selectedProperty().bindBidirectional(vm.activeProperty());
        validationLabel.textProperty().bind(vm.validationProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        saveButton.disableProperty().bind(vm.busyProperty());
        deactivateButton.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
    }

    /** True while the chosen kind does not fill {@code column} (its field is then disabled). */
    private BooleanBinding lacks(Column column) {
        return Bindings.createBooleanBinding(() -> !vm.takes(column), vm.ruleTypeProperty());
    }

    private static TableColumn<RuleRecord, String> col(String title, Function<RuleRecord, String> f) {
        TableColumn<RuleRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return NumberColumn.sortedByNumber(c); // thresholds, phases, cost rates by value; names as text
    }

    @FXML
    void onNew() {
        vm.newRule();
    }

    @FXML
    void onSave() {
        vm.save();
    }

    @FXML
    void onDeactivate() {
        vm.deactivate();
    }
}
