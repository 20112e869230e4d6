package foresto.engine;

import java.util.Optional;

/** Both paths of one run: OFF (buy-and-hold, always) and ON (only when a rule was given). */
public record SimulationResult(PathResult off, Optional<PathResult> on) {
}
