package foresto.engine;

/**
 * How a cash flow is spread over the held classes (SEMANTICS §13.3). OFF always uses {@link #PRO_RATA}; ON uses
 * the schedule's allocation, {@link #TOWARD_TARGET} unless another is given.
 */
public enum FlowAllocation {
    /** In proportion to the current positions: the mix does not change. */
    PRO_RATA,
    /** By the water level ({@link WaterLevel}): contributions fill the most underweight classes, withdrawals take
     * from the most overweight. */
    TOWARD_TARGET
}
