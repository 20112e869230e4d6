package foresto.csv;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.util.List;
import java.util.stream.Collectors;

/** A CSV file that failed validation: every problem found (up to a limit), each with line and column. */
public final class CsvValidationException extends ForestoException {
    private static final long serialVersionUID = 1L;
    private final transient List<CsvProblem> problems;

    public CsvValidationException(ErrorCode code, List<CsvProblem> problems, boolean truncated) {
        super(code, problems.stream().map(CsvProblem::toString).collect(Collectors.joining("\n"))
                + (truncated ? "\n(further problems not listed)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<CsvProblem> problems() {
        return problems;
    }
}
