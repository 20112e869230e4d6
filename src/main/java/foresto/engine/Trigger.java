package foresto.engine;

import java.time.LocalDate;

/**
 * The engine's form of a rule for one run: decides at a close whether the rule fires and, if it does,
 * why and to which weights to trade. Built once per run by {@link RebalancingRule#trigger(double[])}, so a new
 * rule type cannot compile without saying how it fires.
 */
public interface Trigger {

    /**
     * At the close of {@code date}, after its returns: {@code p} the held classes' positions (standard order),
     * {@code v} = Σ p. Returns null when the rule does not fire (the common case: no allocation).
     */
    Fire check(double[] p, double v, LocalDate date, LocalDate previous, LocalDate next);

    /**
     * A firing: the detail to record and the weights to trade to (held order), or null for "exactly the
     * targets" (SEMANTICS §4's arithmetic).
     */
    record Fire(TriggerDetail detail, double[] afterWeights) {
    }
}
