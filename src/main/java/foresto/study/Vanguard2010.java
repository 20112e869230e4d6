package foresto.study;

import foresto.csv.MarketCsvReader;
import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.PathResult;
import foresto.engine.PeriodsPerYear;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.SimulationResult;
import foresto.engine.Weights;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jaconetti, Kinniry &amp; Zilbering, "Best practices for portfolio rebalancing" (Vanguard, 2010): 60 % stocks /
 * 40 % bonds, 1926–2009, monthly, no costs, no cash flows, eleven ways to rebalance. Runs each column with the
 * engine on the bundled monthly dataset and compares four figures with the published ones.
 *
 * <p>Definitions (the README's "Studies: Vanguard 2010"): average equity = mean over the month ends after the
 * purchase (1926-01-31 … 2009-12-31, 1,008 closes) of the equity weight after that month's returns and before any
 * rebalancing; events = the ON path's rebalancing events (Never: 0); return = CAGR; volatility = √12 × the sample
 * standard deviation of the monthly returns (the engine's, f = 12 from the calendar).
 */
public final class Vanguard2010 {
    /** The study's name on the command line. */
    public static final String NAME = "vanguard-2010";
    public static final String TITLE = "Vanguard 2010 (Jaconetti, Kinniry & Zilbering): 60/40, US stocks and bonds, "
            + "monthly 1926\u20132009, no costs";
    /** The bundled dataset (US stocks and 10-year Treasuries, monthly) and its columns as asset classes. */
    public static final String DATA_RESOURCE = "foresto/sample/us_stocks_bonds_monthly_1926_2009.csv";
    private static final Map<String, String> DATA_COLUMNS = Map.of("STOCKS", "EQUITY", "BONDS", "BOND");
    public static final Weights TARGETS = Weights.ofCodes(Map.of("EQUITY", 0.6, "BOND", 0.4));
    /** The tolerances, in words. */
    public static final String TOLERANCES = "events \u00b125 %, equity \u00b11.5 points (\u00b12 for Never), "
            + "return \u00b10.5 points, volatility \u00b10.6 points";
    /** Why ours cannot equal theirs. */
    public static final String NOTE = "Exact equality is impossible: Vanguard's bond series are high-grade corporate "
            + "and aggregate bond indices, ours a constant-maturity 10-year US Treasury; the published figures are "
            + "rounded to 0.1.";

    /** Absolute tolerances (fractions) and the events' relative one; a hair of slack for the decimal limits' rounding. */
    static final double EVENTS_RELATIVE = 0.25;
    static final double EQUITY = 0.015;
    static final double EQUITY_NEVER = 0.02;
    static final double RETURN = 0.005;
    static final double VOLATILITY = 0.006;
    private static final double SLACK = 1e-9;

    /** The eleven columns in the published order, with the published figures. */
    public static final List<StudyColumn> COLUMNS = List.of(
            column("M 0%", "monthly", null, 0.601, 1008, 0.085, 0.121),
            column("M 1%", "drift:0.01", CheckFrequency.MONTHLY, 0.601, 389, 0.085, 0.121),
            column("M 5%", "drift:0.05", CheckFrequency.MONTHLY, 0.612, 58, 0.086, 0.122),
            column("M 10%", "drift:0.1", CheckFrequency.MONTHLY, 0.616, 20, 0.088, 0.122),
            column("Q 1%", "drift:0.01", CheckFrequency.QUARTERLY, 0.602, 210, 0.087, 0.122),
            column("Q 5%", "drift:0.05", CheckFrequency.QUARTERLY, 0.609, 50, 0.089, 0.121),
            column("Q 10%", "drift:0.1", CheckFrequency.QUARTERLY, 0.626, 21, 0.086, 0.123),
            column("A 1%", "drift:0.01", CheckFrequency.ANNUAL, 0.605, 72, 0.086, 0.119),
            column("A 5%", "drift:0.05", CheckFrequency.ANNUAL, 0.607, 28, 0.086, 0.118),
            column("A 10%", "drift:0.1", CheckFrequency.ANNUAL, 0.630, 15, 0.087, 0.121),
            column("Never", null, null, 0.841, 0, 0.091, 0.144));

    private Vanguard2010() {
    }

    private static StudyColumn column(String name, String rule, CheckFrequency check, double equity, int events,
                                      double cagr, double volatility) {
        return new StudyColumn(name, rule, check, new Figures(equity, events, cagr, volatility));
    }

    /** The bundled monthly dataset, read from the class path by the same reader as any imported file. */
    public static MarketData bundledData() {
        try (InputStream in = Vanguard2010.class.getClassLoader().getResourceAsStream(DATA_RESOURCE)) {
            if (in == null) {
                throw new ForestoException(ErrorCode.INTERNAL_ERROR, "missing resource " + DATA_RESOURCE);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return new MarketCsvReader(DATA_COLUMNS, MarketCsvReader.Kind.RETURNS).read(DATA_RESOURCE, reader);
            }
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.INTERNAL_ERROR, "cannot read " + DATA_RESOURCE, e);
        }
    }

    /** The study on the bundled dataset. */
    public static StudyResult run(BaseDayPolicy baseDay) {
        return run(bundledData(), baseDay);
    }

    /**
     * The study on {@code data} (monthly, with EQUITY and BOND columns): every column over the whole dataset, bought
     * at the close of its first date, with {@code baseDay} for the calendars and check calendars.
     */
    public static StudyResult run(MarketData data, BaseDayPolicy baseDay) {
        Scenario scenario = new Scenario(TARGETS, data.firstDate(), data.lastDate(), 1.0, MissingDataPolicy.SKIP);
        List<StudyCell> cells = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        PathResult any = null;
        for (StudyColumn c : COLUMNS) {
            Optional<RebalancingRule> rule = c.rule(baseDay);
            SimulationResult r = ScenarioSimulation.run(data, scenario, rule, true);
            PathResult path = rule.isPresent() ? r.on().orElseThrow() : r.off();
            if (!path.periodsPerYear().equals(PeriodsPerYear.MONTHLY)) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST, "the study needs monthly data, got "
                        + path.periodsPerYear().label());
            }
            double[] equity = equityWeights(path);
            Figures ours = new Figures(mean(equity), path.metrics().eventCount(), path.metrics().cagr(),
                    path.metrics().volatility());
            cells.add(new StudyCell(c.name(), ours, c.published(), within(ours, c.published(), c.isNever())));
            weights.add(equity);
            any = path;
        }
        return new StudyResult(baseDay, cells, any.dates(), weights);
    }

    /** Whether each of {@code ours} lies within its tolerance of {@code published}; Never's equity has a wider one. */
    public static Within within(Figures ours, Figures published, boolean never) {
        return new Within(
                close(ours.avgEquity(), published.avgEquity(), never ? EQUITY_NEVER : EQUITY),
                close(ours.events(), published.events(), EVENTS_RELATIVE * published.events()),
                close(ours.cagr(), published.cagr(), RETURN),
                close(ours.volatility(), published.volatility(), VOLATILITY));
    }

    private static boolean close(double ours, double published, double tolerance) {
        return Math.abs(ours - published) <= tolerance + SLACK;
    }

    /** The equity weight at each close before any rebalancing (close 0: the purchase, at the target). */
    private static double[] equityWeights(PathResult path) {
        int[] held = path.heldOrdinals();
        for (int j = 0; j < held.length; j++) {
            if (AssetClass.of(held[j]) == AssetClass.EQUITY) {
                return path.closeWeights()[j];
            }
        }
        throw new IllegalStateException("the study's portfolio holds equity");
    }

    /** Mean over the closes after the purchase (the purchase close is the target by construction, not a month end seen). */
    private static double mean(double[] w) {
        double sum = 0;
        for (int k = 1; k < w.length; k++) {
            sum += w[k];
        }
        return sum / (w.length - 1);
    }
}
