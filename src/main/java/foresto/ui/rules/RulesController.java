package foresto.ui.rules;

import foresto.model.RuleRecord;
import foresto.rule.RuleCodec;
import foresto.rule.RuleCodec.Column;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
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

    public void bind(RulesViewModel vm) {
        this.vm = vm;
        ruleTable.setItems(vm.rules);
        ruleTable.getColumns().setAll(List.of(
                col("ID", r -> Long.toString(r.ruleId())),
                col("Name", RuleRecord::ruleName),
                col("Type", RuleRecord::ruleType),
                col("Frequency", r -> r.frequency() == null ? "" : r.frequency()),
                col("Base day", RuleRecord::baseDayPolicy),
                col("Threshold", r -> r.driftThreshold() == null ? "" : r.driftThreshold().stripTrailingZeros().toPlainString()),
                col("Band", r -> RuleCodec.takes(r.ruleType(), Column.DRIFT_BAND) ? r.driftBand()
                        + (r.bandRho() == null ? "" : " ρ " + r.bandRho().stripTrailingZeros().toPlainString()) : ""),
                col("Check", r -> RuleCodec.takes(r.ruleType(), Column.CHECK_FREQUENCY) ? r.checkFrequency() : ""),
                col("Trade to", r -> r.rebalanceTo() == null || r.rebalanceTo().signum() == 0 ? ""
                        : r.rebalanceTo().stripTrailingZeros().toPlainString()),
                col("Phase", r -> r.phase() == 0 ? "" : Integer.toString(r.phase())),
                col("Day offset", r -> r.dayOffset() == 0 ? "" : Integer.toString(r.dayOffset())),
                col("Cost rate", r -> r.costRate().stripTrailingZeros().toPlainString()),
                col("Effective", r -> r.effectiveFrom() + ".." + (r.effectiveTo() == null ? "" : r.effectiveTo())),
                col("Active", r -> r.isActive() ? "yes" : "no")));
        ruleTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        ruleTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.selected.set(r);
            }
        });
        vm.selected.addListener((o, a, r) -> {
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
        bandBox.valueProperty().bindBidirectional(vm.band);
        bandBox.disableProperty().bind(lacks(Column.DRIFT_BAND));
        rhoField.textProperty().bindBidirectional(vm.rho);
        rhoField.disableProperty().bind(lacks(Column.BAND_RHO).or(vm.band.isEqualTo("ABSOLUTE")));
        checkBox.valueProperty().bindBidirectional(vm.check);
        checkBox.disableProperty().bind(lacks(Column.CHECK_FREQUENCY));
        rebalanceToField.textProperty().bindBidirectional(vm.rebalanceTo);
        rebalanceToField.disableProperty().bind(lacks(Column.REBALANCE_TO));
        BooleanBinding noCalendar = Bindings.createBooleanBinding(() -> !vm.hasCalendar(), vm.ruleType, vm.check);
        phaseField.textProperty().bindBidirectional(vm.phase);
        phaseField.disableProperty().bind(noCalendar);
        dayOffsetField.textProperty().bindBidirectional(vm.dayOffset);
        dayOffsetField.disableProperty().bind(noCalendar);
        baseDayBox.getItems().setAll("FIRST_TRADING_DAY", "LAST_TRADING_DAY");
        nameField.textProperty().bindBidirectional(vm.name);
        typeBox.valueProperty().bindBidirectional(vm.ruleType);
        frequencyBox.valueProperty().bindBidirectional(vm.frequency);
        frequencyBox.disableProperty().bind(lacks(Column.FREQUENCY));
        baseDayBox.valueProperty().bindBidirectional(vm.baseDay);
        thresholdField.textProperty().bindBidirectional(vm.threshold);
        thresholdField.disableProperty().bind(lacks(Column.DRIFT_THRESHOLD).or(vm.band.isEqualTo("RELATIVE")));
        costRateField.textProperty().bindBidirectional(vm.costRate);
        fromPicker.setConverter(foresto.ui.main.MainController.ISO_DATES);
        toPicker.setConverter(foresto.ui.main.MainController.ISO_DATES);
        fromPicker.valueProperty().bindBidirectional(vm.effectiveFrom);
        toPicker.valueProperty().bindBidirectional(vm.effectiveTo);
        activeBox.selectedProperty().bindBidirectional(vm.active);
        validationLabel.textProperty().bind(vm.validation);
        statusLabel.textProperty().bind(vm.status);
        saveButton.disableProperty().bind(vm.busy);
        deactivateButton.disableProperty().bind(vm.selected.isNull().or(vm.busy));
    }

    /** True while the chosen kind does not fill {@code column} (its field is then disabled). */
    private BooleanBinding lacks(Column column) {
        return Bindings.createBooleanBinding(() -> !vm.takes(column), vm.ruleType);
    }

    private static TableColumn<RuleRecord, String> col(String title, Function<RuleRecord, String> f) {
        TableColumn<RuleRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
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
