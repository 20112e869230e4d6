package foresto.ui.main;

import static foresto.i18n.Messages.tr;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The ON vs OFF summary as a compact grid in two halves side by side, so every row is in view without
 * scrolling at 1400 × 900 (a table of eleven rows would need twice the height the Analysis tab leaves it).
 */
public final class SummaryPanel extends ScrollPane {
    private final VBox content;

    private static final String[] HEADERS = {"main.summary.metric", "main.summary.off", "main.summary.on", "main.summary.diff"};
    private final GridPane grid = new GridPane();

    public SummaryPanel(ResultViewModel r) {
        setId("summaryGrid");
        grid.getStyleClass().add("summary-grid");
        grid.setHgap(14);
        grid.setVgap(3);
        grid.setPadding(new Insets(4, 10, 6, 10));
        TextField rate = new TextField();
        rate.setId("riskFreeField");
        rate.setPrefColumnCount(5);
        rate.textProperty().bindBidirectional(r.riskFreeProperty());
        Label problem = new Label();
        problem.getStyleClass().add("error-label");
        problem.textProperty().bind(r.riskFreeProblemProperty());
        Label frequency = new Label();
        frequency.setId("summaryFrequency");
        frequency.textProperty().bind(r.frequencyProperty());
        Label semantics = new Label();
        semantics.setId("summarySemantics");
        semantics.getStyleClass().add("text-muted");
        semantics.textProperty().bind(r.semanticsProperty().map(t -> t.isEmpty() ? t : "\u00b7 " + t));
        HBox rateRow = new HBox(8, new Label(tr("main.summary.riskFree")),
                rate, problem, frequency, semantics);
        rateRow.setAlignment(Pos.CENTER_LEFT);
        rateRow.setPadding(new Insets(4, 10, 0, 10));
        content = new VBox(rateRow, grid);
        setContent(content);
        setFitToWidth(true);
        update = new InViewUpdate(() -> fill(r.getSummary()));
        r.getSummary().addListener((ListChangeListener<SummaryRow>) c -> update.request());
        fill(r.getSummary());
    }

    private final InViewUpdate update;

    /**
     * Fills the grid only while {@code shown} is true (the Summary tab is selected), and when it becomes true after
     * a change: a run's first frame then does not style and lay out ~50 labels nobody sees.
     */
    public void fillOnlyWhen(ObservableBooleanValue shown) {
        update.onlyWhen(shown);
    }

    private final List<Label[]> cells = new ArrayList<>();

    private void fill(List<SummaryRow> rows) {
        if (!cells.isEmpty() && cells.size() == rows.size()) { // the same rows for another run: new texts only
            for (int i = 0; i < rows.size(); i++) {
                SummaryRow row = rows.get(i);
                String[] texts = {row.metric(), row.off(), row.on(), row.difference()};
                for (int c = 0; c < texts.length; c++) {
                    cells.get(i)[c].setText(texts[c]);
                }
            }
            return;
        }
        cells.clear();
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        int half = (rows.size() + 1) / 2;
        for (int g = 0; g < 2; g++) {
            for (int c = 0; c < HEADERS.length; c++) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
                cc.setMinWidth(c == 0 ? 150 : 110);
                grid.getColumnConstraints().add(cc);
                Label h = new Label(tr(HEADERS[c]));
                h.getStyleClass().add("summary-header");
                h.setMinWidth(Region.USE_PREF_SIZE); // headers are never cut
                grid.add(h, g * HEADERS.length + c, 0);
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            SummaryRow row = rows.get(i);
            int g = i < half ? 0 : 1;
            int y = 1 + (i < half ? i : i - half);
            String[] texts = {row.metric(), row.off(), row.on(), row.difference()};
            Label[] line = new Label[texts.length];
            for (int c = 0; c < texts.length; c++) {
                Label l = new Label(texts[c]);
                l.setMinWidth(Region.USE_PREF_SIZE);
                l.getStyleClass().add(c == 0 ? "summary-metric" : "summary-value");
                grid.add(l, g * HEADERS.length + c, y);
                line[c] = l;
            }
            cells.add(line);
        }
    }

    /** The metric names shown (tests). */
    public List<String> metrics() {
        return grid.getChildren().stream().filter(n -> n.getStyleClass().contains("summary-metric"))
                .map(n -> ((Label) n).getText()).toList();
    }

    /** Adds {@code more} under the metrics, in the same scroll (the cash-flow figures of a run with flows). */
    void append(Node more) {
        content.getChildren().add(more);
    }
}
