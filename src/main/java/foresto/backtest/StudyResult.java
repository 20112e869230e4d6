package foresto.backtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.json.Json;

/**
 * A study's answer: its stored id, whether an identical request's stored study answered it, and the answer as
 * {@link RobustnessJson} builds it with every row (a bootstrap's {@code per_path} included).
 */
public record StudyResult(long studyId, boolean reused, StudyKind kind, ObjectNode answer) {

    public StudyResult {
        answer = answer.deepCopy();
    }

    @Override
    public ObjectNode answer() {
        return answer.deepCopy();
    }

    /**
     * The answer as the faces send it: {@code study_id} and {@code reused} first, then the command line's keys; a
     * bootstrap's {@code per_path} only when asked for.
     */
    public ObjectNode json(boolean perPath) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("study_id", studyId);
        out.put("reused", reused);
        ObjectNode a = answer.deepCopy();
        if (!perPath) {
            a.remove("per_path");
        }
        out.setAll(a);
        return out;
    }
}
