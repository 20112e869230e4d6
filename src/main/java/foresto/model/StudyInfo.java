package foresto.model;

import java.time.LocalDate;

/**
 * What was asked for a stored robustness study, in human terms (the {@code robustness_study.request} JSON): the
 * scenario, rule A (and B of a bootstrap: null for OFF) by name, and the study's parameters in words.
 */
public record StudyInfo(long portfolioId, String portfolioName, long datasetId, String datasetName, LocalDate startDate,
                        LocalDate endDate, double initialValue, String missingDataPolicy, String ruleName,
                        String versusName, String parameters) {
}
