package foresto.engine;

/**
 * The engine's form of a rule for one run: decides at a close whether the rule fires and, if it does,
 * why and to which weights to trade. Built once per run by {@link RebalancingRule#trigger(double[], int[])}, so
 * a new rule type cannot compile without saying how it fires.
 */
public interface Trigger {

    /**
     * At a close, after its returns: {@code p} the held classes' positions (standard order), {@code v} = Σ p,
     * {@code calendarDay} whether the close is a day of the rule's calendar ({@link RebalancingRule#calendar()}:
     * its period boundary, or its check calendar; always false for a rule without one). Returns null when the
     * rule does not fire (the common case: no allocation).
     */
    Fire check(double[] p, double v, boolean calendarDay);

    /**
     * A firing: the detail to record and the weights to trade to (held order), or null for "exactly the
     * targets" (SEMANTICS §4's arithmetic). The array is made for this firing and handed over without a copy;
     * nobody writes to it afterwards.
     */
    record Fire(TriggerDetail detail, double[] afterWeights) {
    }
}
