package foresto.ui.common;

import foresto.engine.PeriodsPerYear;
import foresto.i18n.Messages;

/**
 * The data frequency a run or study annualises with, in the analyst's language: "monthly data (f = 12)",
 * "월간 데이터 (f = 12)". The command line and the files keep {@link PeriodsPerYear#label()}.
 */
public final class FrequencyText {
    private FrequencyText() {
    }

    public static String of(PeriodsPerYear f) {
        String key = "frequency.data." + f.frequency();
        String value = Integer.toString(f.value()); // never grouped: f = 252, not 2,52
        return Messages.has(key) ? Messages.tr(key, value) : Messages.tr("frequency.data.other", value);
    }
}
