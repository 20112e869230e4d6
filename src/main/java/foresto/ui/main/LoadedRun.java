package foresto.ui.main;

import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.model.StudyRecord;

import java.util.List;

/**
 * A run ready to be shown, with the history (runs and studies) as of when it was loaded. {@code asked}: the request as this user
 * made it (a reused run was first made by another request); null for a run opened from the history.
 */
record LoadedRun(RunModel model, List<RunRecord> history, List<StudyRecord> studies, RunRequestInfo asked) {
}
