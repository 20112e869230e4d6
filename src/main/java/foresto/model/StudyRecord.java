package foresto.model;

import java.time.OffsetDateTime;

/**
 * A stored robustness study without its answer (which may be megabytes; read on demand).
 *
 * @param kind       TIMING, WINDOWS or BOOTSTRAP
 * @param parameters the study's own parameters as JSON (sets, L, s, J, b, seed)
 * @param summary    its headline figures as JSON (timing luck, the premiums' median, P(A beats B), …)
 */
public record StudyRecord(long studyId, String studyHash, String kind, StudyInfo request, String parameters,
                          String summary, Double computeMs, OffsetDateTime createdAt) {
}
