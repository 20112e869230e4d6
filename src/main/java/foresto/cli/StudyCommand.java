package foresto.cli;

import foresto.backtest.FeatureFlags;
import foresto.backtest.InlineRule;
import foresto.engine.BaseDayPolicy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.study.StudyOutput;
import foresto.study.StudyResult;
import foresto.study.Vanguard2010;
import foresto.ui.HeadlessReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code foresto study …}: published results reproduced on the bundled data (no database, no file to give).
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Published results reproduced inside the lab on the bundled data (no database).",
        subcommands = {StudyCommand.Vanguard.class})
final class StudyCommand extends CommandGroup {
    /** {@code foresto study vanguard-2010}: the 44 cells of Jaconetti, Kinniry &amp; Zilbering (2010). */
    @Command(name = Vanguard2010.NAME, mixinStandardHelpOptions = true, sortOptions = false,
            description = "Vanguard 2010 (Jaconetti, Kinniry & Zilbering): 60/40 on US stocks and 10-year Treasuries, "
                    + "monthly 1926-2009, no costs; 11 ways to rebalance, ours vs published for average equity weight, "
                    + "events, CAGR and volatility (f = 12), each within or outside its tolerance. Needs USE_REBALANCING=1.")
    static final class Vanguard implements Callable<Integer> {
        @ParentCommand
        StudyCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--base-day", paramLabel = "first|last", description = "base day of the calendar and the check "
                + "calendars (default last: the data are month ends)")
        String baseDay;
        @Option(names = "--json", description = "print one JSON object (figures as fractions) instead of the table")
        boolean json;
        @Option(names = "--csv", paramLabel = "FILE", description = "also write the table as CSV (one row per column)")
        Path csv;
        @Option(names = "--png", paramLabel = "DIR", description = "also write the equity-weight chart (Never vs M 0% vs "
                + "A 5%) as DIR/" + Vanguard2010.NAME + "-equity-weight.png")
        Path png;

        @Override
        public Integer call() {
            FeatureFlags.from(parent.main.config()).requireRebalancingAllowed("study " + Vanguard2010.NAME);
            BaseDayPolicy day = baseDay == null ? BaseDayPolicy.LAST_TRADING_DAY : InlineRule.baseDay(baseDay.trim());
            if (png != null) {
                HeadlessReport.useHeadlessPlatform();
            }
            StudyResult result = Vanguard2010.run(day);
            if (csv != null) {
                try {
                    StudyOutput.writeCsv(csv, result);
                } catch (IOException e) {
                    throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot write " + csv + ": " + e.getMessage());
                }
            }
            if (png != null) {
                Path file = png.resolve(Vanguard2010.NAME + "-equity-weight.png");
                try {
                    HeadlessReport.renderStudy(result, file);
                } catch (Exception e) {
                    throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot render " + file + ": " + e.getMessage());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(StudyOutput.json(result)));
            } else {
                out.print(StudyOutput.text(result));
            }
            out.flush();
            return 0;
        }
    }
}
