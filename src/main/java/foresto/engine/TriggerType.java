package foresto.engine;

/** Why a rebalance happened: a calendar rule or a drift threshold. */
public enum TriggerType {
    PERIODIC,
    DRIFT
}
