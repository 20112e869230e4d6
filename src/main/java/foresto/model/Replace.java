package foresto.model;

/** What importing a dataset under a name that already exists may do. */
public enum Replace {
    /** an existing name is DATASET_EXISTS */
    NO,
    /** replace it when no stored run uses it; otherwise CONFIRMATION_REQUIRED, saying how many would go */
    UNLESS_RUNS,
    /** replace it and delete its runs */
    FORCE
}
