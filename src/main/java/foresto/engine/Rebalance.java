package foresto.engine;

/** What a fired rule did: the positions after the trade and the event that records it. */
public record Rebalance(double[] positions, RebalancingEvent event) {
}
