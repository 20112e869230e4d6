package foresto.ui.main;

import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.RebalancingEvent;
import foresto.engine.TriggerDetail;
import foresto.i18n.Messages;
import foresto.text.DisplayNumber;
import foresto.ui.common.AssetClassText;
import foresto.ui.common.Points;

/**
 * Why an event fired, in the analyst's language, from the event's {@link TriggerDetail} fields through the bundles.
 * Every number is in the screen's one form: "주식 드리프트 +5.21 %p, |드리프트| 5.21 %p ≥ 절대 밴드 5.00 %p"
 * or "분기의 첫 거래일 (분기마다, 첫 거래일 기준)"; the class by its name in words in both languages ("Equity drifted …"). The events file's
 * "why" column ({@code EventTable.why}) keeps its own plain digits, which scripts read.
 */
final class WhyText {
    private WhyText() {
    }

    /** The trigger's kind in words: 정기 or 드리프트 in Korean, Periodic or Drift in English. */
    static String trigger(RebalancingEvent e) {
        return e.triggerDetail().match(p -> Messages.tr("why.trigger.periodic"), d -> Messages.tr("why.trigger.drift"));
    }

    /** The band kind of a drift event ("absolute" / "절대"), empty for a calendar one. */
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
                : Messages.tr("why.drift.tradedTo", DisplayNumber.percent(d.rebalanceTo(), 0));
        // every number in the screen's one form (DisplayNumber): points with two decimals, the band as a size in
        // points like the drift it is compared with; the events file keeps its own plain digits for scripts
        return Messages.tr("why.drift", c.name(), AssetClassText.of(c), DisplayNumber.points(signed),
                Points.size(signed), band(d), Points.size(band)) + checked + tradedTo;
    }
}
