package foresto.ui.main;

import static foresto.i18n.Messages.tr;
import foresto.engine.MissingDataPolicy;
import foresto.ui.common.CodeText;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;

/** The setup panel: the choices of {@link SetupViewModel}, and Run, Cancel and Import. */
public final class SetupPanel {
    @FXML ComboBox<PortfolioRecord> portfolioBox;
    @FXML Label weightsLabel;
    @FXML CheckBox rebalancingToggle;
    @FXML ComboBox<RuleRecord> ruleBox;
    @FXML Label ruleLabel;
    @FXML ComboBox<DatasetRecord> datasetBox;
    @FXML DatePicker startPicker;
    @FXML DatePicker endPicker;
    @FXML TextField initialValueField;
    @FXML ComboBox<MissingDataPolicy> missingBox;
    @FXML Button runButton;
    @FXML Button cancelButton;
    @FXML Button importButton;
    @FXML Label changedLabel;
    @FXML CashFlowSection cashFlowsController;

    private MainViewModel vm;
    private MainController.Dialogs dialogs;

    void bind(MainViewModel vm, MainController.Dialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        SetupViewModel s = vm.setup();
        boolean allowed = s.rebalancingAllowedProperty().get();
        rebalancingToggle.setDisable(!allowed);
        ruleBox.disableProperty().bind(s.rebalancingAllowedProperty().not().or(s.rebalancingOnProperty().not()));
        portfolioBox.setItems(s.getPortfolios());
        portfolioBox.valueProperty().bindBidirectional(s.portfolioProperty());
        weightsLabel.textProperty().bind(Bindings.createStringBinding(s::targetsText, s.portfolioProperty()));
        ruleBox.setItems(s.getRuleChoices());
        ruleBox.valueProperty().bindBidirectional(s.ruleProperty());
        ruleBox.setCellFactory(l -> ruleCell());
        ruleBox.setButtonCell(ruleCell());
        ruleLabel.textProperty().bind(Bindings.createStringBinding(s::ruleText, s.ruleProperty()));
        // the setup no longer repeats the run on screen: said beside Run, gone again when it matches
        changedLabel.setText(tr(SetupViewModel.CHANGED_TEXT));
        // always laid out (hidden, not removed): the setup above keeps its place as the note comes and goes, so a
        // click aimed at a field still lands on it
        changedLabel.visibleProperty().bind(s.changedSinceShownProperty());
        changedLabel.setManaged(true);
        rebalancingToggle.selectedProperty().bindBidirectional(s.rebalancingOnProperty());
        datasetBox.setItems(s.getDatasets());
        datasetBox.valueProperty().bindBidirectional(s.datasetProperty());
        startPicker.setConverter(MainController.ISO_DATES);
        endPicker.setConverter(MainController.ISO_DATES);
        startPicker.valueProperty().bindBidirectional(s.startDateProperty());
        endPicker.valueProperty().bindBidirectional(s.endDateProperty());
        initialValueField.textProperty().bindBidirectional(s.initialValueProperty());
        missingBox.getItems().setAll(MissingDataPolicy.values());
        missingBox.setConverter(CodeText.converter(missingBox.getItems()));
        missingBox.valueProperty().bindBidirectional(s.missingPolicyProperty());
        runButton.disableProperty().bind(vm.canRun().not());
        cancelButton.disableProperty().bind(vm.busyProperty().not());
        cashFlowsController.bind(vm.cashFlows().choices(), s.rebalancingOnProperty());
    }

    private static ListCell<RuleRecord> ruleCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(RuleRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? "" : r.ruleName());
            }
        };
    }

    @FXML
    void onRun() {
        vm.run();
    }

    @FXML
    void onCancel() {
        vm.cancel();
    }

    @FXML
    void onImport() {
        dialogs.openImport();
    }
}
