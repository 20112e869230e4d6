package foresto.engine;

/**
 * Why a rebalance happened: a calendar rule or a drift threshold. The tag of a rule kind as stored
 * ({@code rule_type}, {@code trigger_type}); each tag names the detail record its events carry, so a stored
 * event's detail is read back as the right type.
 */
public enum TriggerType {
    PERIODIC(TriggerDetail.Periodic.class),
    DRIFT(TriggerDetail.Drift.class);

    private final Class<? extends TriggerDetail> detailType;

    TriggerType(Class<? extends TriggerDetail> detailType) {
        this.detailType = detailType;
    }

    /** The record of this kind's event detail (what {@code rebalancing_event.trigger_detail} holds). */
    public Class<? extends TriggerDetail> detailType() {
        return detailType;
    }
}
