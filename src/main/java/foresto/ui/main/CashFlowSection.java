package foresto.ui.main;

import foresto.engine.BaseDayPolicy;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.util.StringConverter;

import java.util.function.Function;

/**
 * The setup's collapsible "Cash flows…" section, bound to {@link CashFlowSetup}: only the fields the chosen kind
 * takes are enabled (an amount and its growth, or a rate), the allocation only with rebalancing ON, the last
 * refusal is shown in plain words under the fields, and so is what an opened run's schedule had that no field shows.
 */
public final class CashFlowSection {
    @FXML TitledPane pane;
    @FXML ComboBox<CashFlowSetup.Kind> kindBox;
    @FXML Label amountLabel;
    @FXML TextField amountField;
    @FXML Label rateLabel;
    @FXML TextField rateField;
    @FXML ComboBox<Frequency> frequencyBox;
    @FXML ComboBox<BaseDayPolicy> baseDayBox;
    @FXML Label growthLabel;
    @FXML TextField growthField;
    @FXML Label allocationLabel;
    @FXML ComboBox<FlowAllocation> allocationBox;
    @FXML Label problemLabel;
    @FXML Label keptLabel;

    void bind(CashFlowSetup s, ObservableBooleanValue rebalancingOn) {
        pane.expandedProperty().bindBidirectional(s.expandedProperty());
        kindBox.getItems().setAll(CashFlowSetup.Kind.values());
        kindBox.setConverter(names(CashFlowSetup.Kind::label));
        kindBox.valueProperty().bindBidirectional(s.kindProperty());
        frequencyBox.getItems().setAll(Frequency.values());
        frequencyBox.setConverter(names(f -> Messages.tr("cashFlows.frequency." + f.name())));
        frequencyBox.valueProperty().bindBidirectional(s.frequencyProperty());
        baseDayBox.getItems().setAll(BaseDayPolicy.values());
        baseDayBox.setConverter(names(b -> Messages.tr("cashFlows.baseDay." + b.name())));
        baseDayBox.valueProperty().bindBidirectional(s.baseDayProperty());
        allocationBox.getItems().setAll(FlowAllocation.values());
        allocationBox.setConverter(names(a -> Messages.tr("cashFlows.allocation." + a.name())));
        allocationBox.valueProperty().bindBidirectional(s.allocationProperty());
        amountField.textProperty().bindBidirectional(s.amountProperty());
        rateField.textProperty().bindBidirectional(s.rateProperty());
        growthField.textProperty().bindBidirectional(s.growthProperty());

        BooleanBinding none = Bindings.createBooleanBinding(() -> !s.isOn(), s.kindProperty());
        BooleanBinding noAmount = Bindings.createBooleanBinding(() -> !s.isOn()
                || s.kindProperty().get() == CashFlowSetup.Kind.WITHDRAWAL_RATE, s.kindProperty());
        BooleanBinding noRate = Bindings.createBooleanBinding(() -> s.kindProperty().get()
                != CashFlowSetup.Kind.WITHDRAWAL_RATE, s.kindProperty());
        amountField.disableProperty().bind(noAmount);
        amountLabel.disableProperty().bind(noAmount);
        growthField.disableProperty().bind(noAmount);
        growthLabel.disableProperty().bind(noAmount);
        rateField.disableProperty().bind(noRate);
        rateLabel.disableProperty().bind(noRate);
        frequencyBox.disableProperty().bind(none);
        baseDayBox.disableProperty().bind(none);
        BooleanBinding noAllocation = none.or(Bindings.createBooleanBinding(() -> !rebalancingOn.get(), rebalancingOn));
        allocationBox.disableProperty().bind(noAllocation);
        allocationLabel.disableProperty().bind(noAllocation);

        keptLabel.textProperty().bind(Bindings.createStringBinding(() -> s.keptProperty().get().text(), s.keptProperty()));
        BooleanBinding kept = keptLabel.textProperty().isNotEmpty();
        keptLabel.visibleProperty().bind(kept);
        keptLabel.managedProperty().bind(kept);
        problemLabel.textProperty().bind(s.problemProperty());
        BooleanBinding problem = s.problemProperty().isNotEmpty();
        problemLabel.visibleProperty().bind(problem);
        problemLabel.managedProperty().bind(problem);
        // a refused choice opens the section, so the analyst sees what to correct
        s.problemProperty().addListener((o, a, p) -> {
            if (!p.isEmpty()) {
                s.expandedProperty().set(true);
            }
        });
    }

    private static <T> StringConverter<T> names(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : name.apply(v);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
