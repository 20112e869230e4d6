package foresto.model;

import java.time.OffsetDateTime;

/** A stored run without its paths (they are loaded on demand). */
public record RunRecord(long runId, String requestHash, String canonicalRequest, RunRequestInfo request,
                        RunSummary summary, Double computeMs, OffsetDateTime createdAt) {
}
