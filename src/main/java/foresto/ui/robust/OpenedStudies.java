package foresto.ui.robust;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.OpenedStudy;
import foresto.engine.RebalancingRule;
import foresto.model.DatasetRecord;
import foresto.model.RuleRecord;
import foresto.model.StudyInfo;
import foresto.rule.RuleCodec;
import foresto.text.DisplayNumber;
import foresto.text.PlainNumber;
import foresto.ui.common.RuleText;
import foresto.ui.main.RunChoices;
import foresto.ui.main.SetupViewModel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static foresto.i18n.Messages.tr;

/**
 * A stored study put back on screen as it was asked: its scenario and rule A as the setup holds them, rule B as the
 * bootstrap's picker holds it, its parameters as the tab's fields write them, and its figures from the stored answer.
 */
final class OpenedStudies {
    private OpenedStudies() {
    }

    /**
     * The study's scenario and exact rule A as an opened run's choices: rule A names the stored rule of the same name
     * (kept only when it is still the same rule; else the exact one is offered as an adopted rule).
     */
    static RunChoices scenario(OpenedStudy o, List<RuleRecord> rules) {
        StudyInfo info = o.record().request();
        Long stored = rules.stream().filter(r -> r.ruleId() != null && r.ruleName().equals(info.ruleName())).findFirst()
                .map(RuleRecord::ruleId).orElse(null);
        return new RunChoices(info.portfolioId(), info.datasetId(), info.startDate(), info.endDate(), info.initialValue(),
                info.missingDataPolicy(), o.ruleA(), stored, o.cashFlows());
    }

    /**
     * A bootstrap's rule B as its picker holds it: null for OFF, the stored rule that is this rule (the one of the
     * stored name first), else the exact rule as a record without an id, named by its short form and {@code source}.
     */
    static RuleRecord ruleB(OpenedStudy o, List<RuleRecord> rules, String source) {
        Optional<RebalancingRule> b = o.ruleB();
        if (b.isEmpty()) {
            return null;
        }
        Map<String, Object> exact = RuleCodec.hashParameters(b.get());
        String name = o.record().request().versusName();
        List<RuleRecord> same = rules.stream().filter(r -> r.ruleId() != null && sameRule(r, exact)).toList();
        return same.stream().filter(r -> r.ruleName().equals(name)).findFirst()
                .orElse(same.isEmpty() ? SetupViewModel.recordOf(b.get(), tr("main.setup.adoptedName", RuleText.brief(b.get()),
                        DisplayNumber.rate(b.get().costRate()), source)) : same.get(0));
    }

    static boolean sameRule(RuleRecord r, Map<String, Object> exact) {
        try {
            return RuleCodec.hashParameters(r.toEngineRule()).equals(exact);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** "Balanced 60/30/10, SYNTHETIC ui 2010-2019, 2010-01-04..2019-12-31", as {@link StudyScope#heading()}. */
    static String heading(StudyInfo info, List<DatasetRecord> datasets) {
        String dataset = datasets.stream().filter(d -> d.datasetId() == info.datasetId()).findFirst()
                .map(DatasetRecord::label).orElse(info.datasetName());
        return info.portfolioName() + ", " + dataset + ", " + info.startDate() + ".." + info.endDate();
    }

    /** A stored set ("0,1,2,3" or [0, 1, 2, 3]) as the field writes it: "0..3" when it runs on by one, else "0,3,6". */
    static String fieldOfSet(JsonNode stored) {
        String text = stored.isArray() ? joined(stored) : stored.asText();
        int[] v;
        try {
            v = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            return text;
        }
        boolean runs = v.length > 2;
        for (int i = 1; i < v.length && runs; i++) {
            runs = v[i] == v[i - 1] + 1;
        }
        return runs ? v[0] + ".." + v[v.length - 1] : text;
    }

    private static String joined(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : array) {
            sb.append(sb.length() == 0 ? "" : ",").append(n.asText());
        }
        return sb.toString();
    }

    /** A stored number as its field writes it (the block length 5.0 as "5"). */
    static String numberText(JsonNode stored) {
        return stored.isNumber() ? PlainNumber.of(stored.doubleValue()) : stored.asText();
    }
}
