package foresto.ui.sweep;

import static foresto.i18n.Messages.tr;
import foresto.backtest.SweepRunner;
import foresto.i18n.LocaleFormat;
import foresto.text.DisplayNumber;
import foresto.ui.common.NumberColumn;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

import java.util.List;

/**
 * The flow figures of a sweep cell on a cash-flow schedule, for the Cells table and the heatmap's hover: what was paid
 * in and out, the money-weighted return and the depletion date (the cell's CAGR is already the time-weighted one).
 * Nothing for a sweep without a schedule.
 */
final class CellFlows {
    private CellFlows() {
    }

    /** The Cells table's columns for the flows: contributed, withdrawn, MWR, depleted on. */
    static List<TableColumn<SweepRunner.Row, ?>> columns() {
        var depleted = new TableColumn<SweepRunner.Row, String>(tr("cashFlows.line.depletedOn"));
        depleted.setCellValueFactory(c -> new ReadOnlyStringWrapper(depleted(c.getValue().flows())));
        return List.of(
                NumberColumn.of(tr("cashFlows.line.contributed"), r -> r.flows().contributed(), DisplayNumber::money),
                NumberColumn.of(tr("cashFlows.line.withdrawn"), r -> r.flows().withdrawn(), DisplayNumber::money),
                NumberColumn.of(tr("cashFlows.line.mwr"), r -> mwr(r.flows()), CellFlows::mwrText),
                depleted);
    }

    /** The hover's line for a cell on a schedule; empty for a cell without flows. */
    static String hover(SweepRunner.Row row) {
        SweepRunner.Flows f = row.flows();
        if (f == null) {
            return "";
        }
        return tr("sweep.heatmap.flowsTip", DisplayNumber.money(f.contributed()), DisplayNumber.money(f.withdrawn()),
                mwrText(mwr(f)), depleted(f));
    }

    /**
     * Why a cell has no break-even cost rate: on a flow schedule none is computed (its final value is no product of its
     * trades' costs), else it never beats OFF.
     */
    static String noBreakEven(SweepRunner.Row row) {
        return tr(row.flows() == null ? "sweep.heatmap.noBreakEven" : "sweep.heatmap.noBreakEvenFlows");
    }

    private static double mwr(SweepRunner.Flows f) {
        return f.mwr() == null ? Double.NaN : f.mwr();
    }

    private static String mwrText(double v) {
        return Double.isNaN(v) ? tr("cashFlows.noMwr") : DisplayNumber.percent(v);
    }

    private static String depleted(SweepRunner.Flows f) {
        return f.depletedOn() == null ? tr("cashFlows.notDepleted") : LocaleFormat.date(f.depletedOn());
    }
}
