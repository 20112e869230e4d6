package foresto.study;

/** One column of the study: ours, the published figures, and which of ours are within tolerance. */
public record StudyCell(String column, Figures ours, Figures published, Within within) {
}
