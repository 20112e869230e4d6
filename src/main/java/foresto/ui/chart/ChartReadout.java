package foresto.ui.chart;

import javafx.scene.control.Label;

/** The hover readout box every chart shows over its plot: one look, placed by its chart, never taking the mouse. */
public final class ChartReadout {
    private ChartReadout() {
    }

    /**
     * A hidden, unmanaged readout label with {@code id}: a small box that reads on any theme (the chart's own background
     * colour is not known here); its chart places it and shows it on hover.
     */
    public static Label label(String id) {
        Label readout = new Label();
        readout.getStyleClass().add("chart-readout");
        readout.setId(id);
        readout.setManaged(false);
        readout.setVisible(false);
        readout.setMouseTransparent(true);
        readout.setStyle("-fx-background-color: rgba(255,255,255,0.88); -fx-border-color: rgba(0,0,0,0.25);"
                + " -fx-padding: 3 6 3 6; -fx-text-fill: #1f2328; -fx-font-size: 11px;");
        return readout;
    }
}
