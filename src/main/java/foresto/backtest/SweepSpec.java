package foresto.backtest;

import foresto.engine.RebalancingRule;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.rule.RuleCodec;
import foresto.text.PlainNumber;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep's lists: rule specs and cost rates, each item a single value or a range {@code A..B/STEP}
 * (inclusive, stepped in decimal so 0.01..0.10/0.01 gives exactly 0.01, 0.02, …, 0.1). In rules a range
 * stands for θ ({@code drift:0.01..0.10/0.01}, {@code drift-hybrid:0.01..0.05/0.01/0.25}) or ρ
 * ({@code drift-rel:0.1..0.5/0.1}). A bad item is INVALID_REQUEST quoting it.
 */
public final class SweepSpec {
    /** The most cells one sweep may have. */
    public static final int MAX_CELLS = 100_000;

    private SweepSpec() {
    }

    /** Expands a comma-separated list of rule specs and ranges into single rule specs, in order. */
    public static List<String> rules(String list) {
        List<String> out = new ArrayList<>();
        for (String raw : split(list, "--rules")) {
            String item = raw.trim();
            int colon = item.indexOf(':');
            if (colon < 0 || !item.contains("..")) {
                out.add(item);
                continue;
            }
            String head = item.substring(0, colon + 1);
            String body = item.substring(colon + 1);
            List<String> numbers = RuleCodec.numberedForms().get(head);
            if (numbers == null) {
                List<String> forms = List.copyOf(RuleCodec.numberedForms().keySet());
                throw bad(item, "only " + String.join(", ", forms.subList(0, forms.size() - 1)) + " and "
                        + forms.get(forms.size() - 1) + " take a range");
            }
            // the range is the first number; the others follow it, each after a '/'
            int cut = body.length();
            for (int k = 1; k < numbers.size(); k++) {
                cut = body.lastIndexOf('/', cut - 1);
                if (cut < 0) {
                    throw bad(item, "a " + head + " range is " + head + "A..B/STEP/"
                            + String.join("/", numbers.subList(1, numbers.size())));
                }
            }
            for (BigDecimal v : range(body.substring(0, cut), item)) {
                out.add(head + PlainNumber.of(v) + body.substring(cut));
            }
            checkSize(out.size());
        }
        return out;
    }

    /** Expands a comma-separated list of cost rates and ranges. */
    public static List<Double> costRates(String list) {
        List<Double> out = new ArrayList<>();
        for (String raw : split(list, "--cost-rates")) {
            String item = raw.trim();
            if (item.contains("..")) {
                for (BigDecimal v : range(item, item)) {
                    out.add(v.doubleValue());
                }
            } else {
                out.add(number(item, item).doubleValue());
            }
            checkSize(out.size());
        }
        for (double c : out) {
            if (!(c >= 0 && c < RebalancingRule.MAX_COST_RATE)) {
                throw new ForestoException(ErrorCode.INVALID_RULE, "--cost-rates: a cost rate must be ≥ 0 and < 0.5, got " + c);
            }
        }
        return out;
    }

    private static List<String> split(String list, String option) {
        if (list == null || list.isBlank()) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, option + " needs at least one value");
        }
        return List.of(list.split(",", -1));
    }

    /** A..B/STEP, inclusive, in exact decimal steps. */
    static List<BigDecimal> range(String text, String item) {
        int dots = text.indexOf("..");
        int slash = text.indexOf('/', dots);
        if (dots < 0 || slash < 0) {
            throw bad(item, "a range is A..B/STEP (e.g. 0.01..0.10/0.01)");
        }
        BigDecimal a = number(text.substring(0, dots), item);
        BigDecimal b = number(text.substring(dots + 2, slash), item);
        BigDecimal step = number(text.substring(slash + 1), item);
        if (step.signum() <= 0) {
            throw bad(item, "the step must be > 0");
        }
        if (a.compareTo(b) > 0) {
            throw bad(item, "the range's start is after its end");
        }
        BigDecimal count = b.subtract(a).divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_CELLS)) > 0) {
            throw bad(item, "more than " + MAX_CELLS + " values");
        }
        List<BigDecimal> out = new ArrayList<>();
        for (BigDecimal v = a; v.compareTo(b) <= 0; v = v.add(step)) {
            out.add(v);
        }
        return out;
    }

    private static BigDecimal number(String s, String item) {
        String t = s.trim();
        if (!t.matches("[0-9]*\\.?[0-9]+")) {
            throw bad(item, "'" + s + "' is not a number");
        }
        return new BigDecimal(t);
    }


    private static void checkSize(int n) {
        if (n > MAX_CELLS) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "a sweep takes at most " + MAX_CELLS + " cells");
        }
    }

    private static ForestoException bad(String item, String why) {
        return new ForestoException(ErrorCode.INVALID_REQUEST, "bad sweep item '" + item + "': " + why);
    }
}
