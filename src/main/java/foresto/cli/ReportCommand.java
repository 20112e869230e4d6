package foresto.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.model.StoredPaths;
import foresto.backtest.Backend;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.backtest.ResultJson;
import foresto.backtest.RunView;
import foresto.csv.CsvWriter;
import foresto.csv.EventTable;
import foresto.engine.CashFlow;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.model.RunFlows;
import foresto.model.SideFlows;
import foresto.text.PlainNumber;
import foresto.ui.HeadlessReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The headless report: value and drift charts as PNG, the events CSV and a summary JSON, no display needed; for a run
 * with cash flows also each side's flow keys in the summary (as {@code run} and {@code simulate} write them) and the
 * flows CSV, all read from the stored run.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run (or reuse) a backtest and write value.png, drift.png, events.csv and summary.json (and "
                + "flows.csv with contributions or withdrawals), without a display.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions options;
    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;
    @Option(names = "--risk-free", paramLabel = "RATE", defaultValue = "0",
            description = "annual risk-free rate for Sharpe and Sortino, e.g. 0.03 (default 0)")
    double riskFree;

    @Override
    public Integer call() throws Exception {
        HeadlessReport.useHeadlessPlatform();
        options.validate(main.config());
        if (!(riskFree > -0.5 && riskFree < 1)) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "--risk-free must be an annual rate between -0.5 and 1 "
                    + "(e.g. 0.03 for 3 %), got " + riskFree);
        }
        try (Backend backend = main.startBackend(spec)) {
            BacktestService svc = backend.backtests();
            BacktestService.Shown shown = svc.runAndShow(options.request(backend), new Cancellation());
            BacktestResult r = shown.result();
            RunView model = shown.view();
            try {
                Files.createDirectories(out);
            } catch (IOException io) {
                throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot create " + out + ": " + io.getMessage());
            }
            EventTable.export(out.resolve("events.csv"), model.events());
            RunFlows flows = model.flows();
            ObjectNode summary = ResultJson.backtest(r, model.paths().dates(), flows);
            StoredPaths forReturns = model.paths().forReturns(flows); // with flows: the time-weighted indexes
            ResultJson.addPathStats(summary, forReturns.dates(), forReturns.off(), forReturns.hasOn() ? forReturns.on() : null, riskFree,
                    r.summary().frequency());
            Files.writeString(out.resolve("summary.json"), Json.writePretty(summary) + "\n");
            String dataset = svc.datasets().stream().filter(d -> d.datasetId() == model.run().request().datasetId())
                    .map(d -> d.label()).findFirst().orElse(model.run().request().datasetName());
            HeadlessReport.renderRun(model, dataset, main.config().currency(), out);
            if (flows == null) {
                spec.commandLine().getOut().printf("run #%d (%s): wrote value.png, drift.png, drawdown.png, annual.png, "
                                + "events.csv (%d events), summary.json to %s%n",
                        r.runId(), r.reused() ? "reused" : "new", model.events().size(), out);
            } else {
                int rows = writeFlows(out.resolve("flows.csv"), flows);
                spec.commandLine().getOut().printf("run #%d (%s): wrote value.png, drift.png, drawdown.png, annual.png, "
                                + "events.csv (%d events), flows.csv (%d flows), summary.json to %s%n",
                        r.runId(), r.reused() ? "reused" : "new", model.events().size(), rows, out);
            }
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /**
     * The stored flows of each side (OFF, then ON) as CSV: side, date, amount (negative for a withdrawal) and the
     * amount bought (+) or sold (−) of each class; returns the rows written.
     */
    static int writeFlows(Path file, RunFlows flows) throws IOException {
        Set<String> classes = new LinkedHashSet<>();
        List<SideFlows> sides = flows.on() == null ? List.of(flows.off()) : List.of(flows.off(), flows.on());
        for (SideFlows s : sides) {
            s.flows().forEach(f -> classes.addAll(f.trades().keySet()));
        }
        List<String> header = new ArrayList<>(List.of("side", "date", "amount"));
        header.addAll(classes);
        List<List<String>> rows = new ArrayList<>();
        for (SideFlows s : sides) {
            String side = s == flows.off() ? "off" : "on";
            for (CashFlow f : s.flows()) {
                List<String> row = new ArrayList<>(List.of(side, f.date().toString(), PlainNumber.of(f.amount())));
                for (String c : classes) {
                    Double t = f.trades().get(c);
                    row.add(t == null ? "" : PlainNumber.of(t));
                }
                rows.add(row);
            }
        }
        CsvWriter.write(file, header, rows);
        return rows.size();
    }
}
