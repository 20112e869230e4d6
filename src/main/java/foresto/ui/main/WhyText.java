package foresto.ui.main;

import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.RebalancingEvent;
import foresto.engine.TriggerDetail;
import foresto.i18n.Messages;
import foresto.text.PlainNumber;

import java.util.Locale;

/**
 * Why an event fired, in the analyst's language, from the event's {@link TriggerDetail} fields through the bundles.
 * In English it reads as the events file's "why" column ({@code EventTable.why}), which scripts keep reading; in
 * Korean it says the same: "EQUITY(주식) 드리프트 +5.21%p, |드리프트| 0.0521 ≥ 절대 밴드 0.05" or "분기의 첫 거래일
 * (분기마다, 첫 거래일 기준)".
 */
final class WhyText {
    private WhyText() {
    }

    /** The trigger's kind in words: 정기 or 드리프트 in Korean, the file's code in English. */
    static String trigger(RebalancingEvent e) {
        return e.triggerDetail().match(p -> Messages.tr("why.trigger.periodic"), d -> Messages.tr("why.trigger.drift"));
    }

    /** The band kind of a drift event ("ABSOLUTE" / "절대"), empty for a calendar one. */
    static String band(RebalancingEvent e) {
        return e.triggerDetail().match(p -> "", d -> band(d));
    }

    static String band(TriggerDetail.Drift d) {
        return Messages.tr("why.band." + d.band().name());
    }

    /** The explanation of the event's trigger. */
    static String of(RebalancingEvent e) {
        return e.triggerDetail().match(WhyText::periodic, WhyText::drift);
    }

    private static String periodic(TriggerDetail.Periodic p) {
        boolean first = p.baseDayPolicy() == BaseDayPolicy.FIRST_TRADING_DAY;
        return Messages.tr("why.periodic", Messages.tr(first ? "why.periodic.first" : "why.periodic.last"),
                Messages.tr("why.periodic." + p.frequency().name()), Messages.tr("why.periodic.code." + p.frequency().name()),
                Messages.tr("why.periodic.code." + p.baseDayPolicy().name()));
    }

    private static String drift(TriggerDetail.Drift d) {
        AssetClass c = d.breachedAssetClass();
        double signed = d.drifts().get(c.name());
        double band = d.bands() != null ? d.bands().get(c.name()) : d.threshold();
        String checked = d.checkFrequency() == null || d.checkFrequency() == CheckFrequency.DAILY ? ""
                : Messages.tr("why.drift.checked", Messages.tr("why.check." + d.checkFrequency().name()));
        String tradedTo = d.rebalanceTo() == null || d.rebalanceTo() == 0 ? ""
                : Messages.tr("why.drift.tradedTo", PlainNumber.of(d.rebalanceTo()));
        // the digits as the file writes them (as DisplayNumber does: the same in both languages), so the screen and
        // the file never disagree in the last decimal
        return Messages.tr("why.drift", c.name(), c.koreanName(), String.format(Locale.ROOT, "%+.2f", signed * 100),
                String.format(Locale.ROOT, "%.4f", Math.abs(signed)), band(d), PlainNumber.of(band)) + checked + tradedTo;
    }
}
