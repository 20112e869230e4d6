package foresto.engine;

/**
 * What a fired rule did: the positions after the trade and the event that records it. {@code positions} is a
 * fresh array made for this record and handed over without a copy; nobody writes to it afterwards.
 */
public record Rebalance(double[] positions, RebalancingEvent event) {
}
