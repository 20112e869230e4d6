package foresto.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.Backend;
import foresto.backtest.QualityChecks;
import foresto.backtest.QualityReport;
import foresto.model.DatasetRecord;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The operations smoke check: OFF and ON cases with checks; exit 3 when a check fails. */
@Command(name = "quality-report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the rebalancing smoke cases (OFF + every active rule) and check them. Exit 3 if a check fails.")
final class QualityReportCommand implements Callable<Integer> {
    static final int CHECK_FAILED = 3;
    @ParentCommand
    Main main;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME_OR_ID", description = "dataset (default: the sample dataset)")
    String dataset;
    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;
    @Option(names = "--reference", paramLabel = "FILE", description = "compare OFF with this reference file instead of the bundled one")
    Path reference;

    @Override
    public Integer call() {
        QualityReport.Reference g = reference == null ? QualityReport.Reference.bundled() : loadReference(reference);
        try (Backend backend = main.startBackend(spec)) {
            var svc = backend.backtests();
            DatasetRecord d = dataset == null
                    ? svc.datasets().stream().findFirst().orElseThrow(() -> new ForestoException(ErrorCode.DATASET_NOT_FOUND, "no dataset"))
                    : svc.datasets().stream().filter(x -> x.datasetId() == Lookup.dataset(svc, dataset)).findFirst()
                    .orElseThrow(() -> new ForestoException(ErrorCode.DATASET_NOT_FOUND, "no dataset '" + dataset + "'"));
            QualityReport.Result r = QualityReport.run(svc, d, g);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.mapper().valueToTree(r);
                o.put("passed", r.passed());
                out.println(Json.write(o));
            } else {
                print(out, r);
            }
            out.flush();
            return r.passed() ? 0 : CHECK_FAILED;
        }
    }

    private static QualityReport.Reference loadReference(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return QualityReport.Reference.load(in);
        } catch (IOException | RuntimeException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "cannot read reference file " + p + ": " + e.getMessage());
        }
    }

    static void print(PrintWriter out, QualityReport.Result r) {
        out.printf("Quality report: dataset %s (id %d), %s, smoke weights %s%n%n", r.dataset(), r.datasetId(), r.window(),
                QualityReport.SMOKE_WEIGHTS);
        out.printf("%-34s %8s %16s %16s%n", "case / rule", "events", "final value ON", "final value OFF");
        for (QualityReport.Row row : r.rows()) {
            String name = row.rule().equals("-") ? row.caseName() : row.rule();
            out.printf(Locale.ROOT, "%-34s %8d %16s %16.6f%n", name, row.eventCount(),
                    row.finalOn() == null ? "-" : String.format(Locale.ROOT, "%.6f", row.finalOn()), row.finalOff());
        }
        out.println();
        long passed = r.checks().stream().filter(QualityChecks.Check::passed).count();
        long skipped = r.checks().stream().filter(c -> c.status() == QualityChecks.Status.SKIPPED).count();
        for (QualityChecks.Check c : r.checks()) {
            out.printf("%-7s %s (%s)%n", c.status(), c.name(), c.detail());
        }
        out.printf("%nRESULT: %s (%d/%d checks passed%s)%n", r.passed() ? "PASS" : "FAIL", passed, r.checks().size(),
                skipped == 0 ? "" : ", " + skipped + " skipped");
    }
}
