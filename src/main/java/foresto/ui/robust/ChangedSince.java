package foresto.ui.robust;

import foresto.i18n.Messages;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.rule.RuleCodec;
import foresto.ui.main.MainViewModel;
import foresto.ui.robust.RobustnessViewModel.Study;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * "Changed since study #N" for each of the tab's studies, as "Changed since this run" is for the Analysis tab: the
 * study on screen (just run, or opened from History) with the choices it was asked with, compared with what a Run
 * would ask now — the setup's scenario and rule A, and that study's own fields — whenever one of them changes.
 */
final class ChangedSince {
    /** A shown study: its id and the choices it was asked with ({@link #signature}). */
    private record ShownStudy(long studyId, List<Object> signature) {
    }

    private final RobustnessViewModel vm;
    private final Map<Study, ShownStudy> shown = new EnumMap<>(Study.class);
    private final Map<Study, StringProperty> texts = new EnumMap<>(Study.class);

    ChangedSince(RobustnessViewModel vm) {
        this.vm = vm;
        for (Study s : Study.values()) {
            texts.put(s, new SimpleStringProperty(""));
        }
        MainViewModel setup = vm.setup();
        for (Observable o : List.of(setup.portfolioProperty(), setup.datasetProperty(), setup.startDateProperty(),
                setup.endDateProperty(), setup.initialValueProperty(), setup.missingPolicyProperty(), setup.ruleProperty(),
                vm.phasesProperty(), vm.offsetsProperty(), vm.lengthMonthsProperty(), vm.stepMonthsProperty(),
                vm.pathsProperty(), vm.blockProperty(), vm.seedProperty(), vm.ruleBProperty())) {
            o.addListener(x -> update());
        }
    }

    /** "Changed since study #7: Run computes a new one.", or empty while the choices match (or none is shown). */
    StringProperty text(Study study) {
        return texts.get(study);
    }

    /** {@code study} #{@code id} is on screen, asked with {@code signature}. */
    void shown(Study study, long id, List<Object> signature) {
        shown.put(study, new ShownStudy(id, signature));
        update();
    }

    private void update() {
        for (Study s : Study.values()) {
            ShownStudy was = shown.get(s);
            texts.get(s).set(was == null || was.signature().equals(signature(s)) ? ""
                    : Messages.tr("robust.changedSince", Long.toString(was.studyId())));
        }
    }

    /**
     * What a study of {@code study}'s kind would be asked with now: the setup's portfolio, dataset, window, initial
     * value, missing-data policy and rule A (by its parameters), and the kind's fields (sets and numbers by value).
     */
    List<Object> signature(Study study) {
        List<Object> k = new ArrayList<>();
        PortfolioRecord portfolio = vm.setup().portfolioProperty().get();
        DatasetRecord dataset = vm.setup().datasetProperty().get();
        k.add(portfolio == null ? null : portfolio.portfolioId());
        k.add(dataset == null ? null : dataset.datasetId());
        k.add(vm.setup().startDateProperty().get());
        k.add(vm.setup().endDateProperty().get());
        k.add(numberKey(vm.setup().initialValueProperty().get()));
        k.add(vm.setup().missingPolicyProperty().get());
        k.add(ruleKey(vm.setup().ruleProperty().get()));
        switch (study) {
            case TIMING -> {
                k.add(setKey(vm.phasesProperty().get()));
                k.add(setKey(vm.offsetsProperty().get()));
            }
            case WINDOWS -> {
                k.add(numberKey(vm.lengthMonthsProperty().get()));
                k.add(numberKey(vm.stepMonthsProperty().get()));
            }
            case BOOTSTRAP -> {
                k.add(numberKey(vm.pathsProperty().get()));
                k.add(numberKey(vm.blockProperty().get()));
                k.add(vm.seedProperty().get() == null ? null : vm.seedProperty().get().trim());
                k.add(ruleKey(vm.ruleBProperty().get()));
            }
            default -> throw new IllegalStateException(study.name());
        }
        return k;
    }

    private static Object ruleKey(RuleRecord r) {
        if (r == null) {
            return null;
        }
        try {
            return RuleCodec.hashParameters(r.toEngineRule());
        } catch (RuntimeException e) {
            return r.ruleName();
        }
    }

    private static Object setKey(String text) {
        try {
            int[] set = RobustnessViewModel.parseSet("set", text);
            return set == null ? "" : Arrays.stream(set).boxed().toList();
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static Object numberKey(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            return Double.parseDouble(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return text.trim();
        }
    }
}
