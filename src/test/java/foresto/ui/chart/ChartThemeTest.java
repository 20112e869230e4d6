package foresto.ui.chart;

import foresto.ui.MainWindow;
import foresto.ui.sweep.Heatmap;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts' colours come from the app's style sheet: change a value there and the painted colour changes. */
@ExtendWith(ApplicationExtension.class)
class ChartThemeTest {
    private static final Color MAGENTA = Color.web("#ff00ff");
    private static final Color GREEN = Color.web("#00ff00");

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        MainWindow.applyTheme(); // the app's theme under app.css, as in the app and the report
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
    }

    private static String appCss() throws IOException {
        try (InputStream in = ChartThemeTest.class.getResourceAsStream("/foresto/ui/app.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** app.css with {@code declaration} (as written there) replaced. */
    private String appCssWith(String declaration, String replacement) throws IOException {
        String css = appCss();
        assertThat(css).contains(declaration);
        Path file = dir.resolve("app-" + Math.abs(replacement.hashCode()) + ".css");
        Files.writeString(file, css.replace(declaration, replacement));
        return file.toUri().toString();
    }

    private static String appCssUrl() {
        return ChartThemeTest.class.getResource("/foresto/ui/app.css").toExternalForm();
    }

    /** Lays {@code chart} out alone in a scene styled by {@code stylesheet} (none when null) and snapshots it. */
    private static PixelReader render(FxRobot robot, Region chart, String stylesheet) {
        PixelReader[] out = new PixelReader[1];
        robot.interact(() -> {
            Scene scene = new Scene(new VBox(chart), 600, 300);
            if (stylesheet != null) {
                scene.getStylesheets().add(stylesheet);
            }
            chart.setPrefSize(600, 300);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            WritableImage img = chart.snapshot(null, null);
            out[0] = img.getPixelReader();
        });
        return out[0];
    }

    private static int count(PixelReader p, Color c) {
        int n = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 600; x++) {
                if (p.getArgb(x, y) == argb(c)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    private static TimeSeriesChart twoLines() {
        double[] x = new double[200];
        double[] on = new double[200];
        double[] off = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = 15000 + i;
            on[i] = 100 + i;
            off[i] = 100 + i / 2.0;
        }
        TimeSeriesChart chart = new TimeSeriesChart("Value");
        chart.setData(new TimeSeriesChart.Content(List.of(new TimeSeriesChart.Line("ON", x, on, TimeSeriesChart.ON_COLOUR),
                new TimeSeriesChart.Line("OFF", x, off, TimeSeriesChart.OFF_COLOUR))));
        return chart;
    }

    @Test
    void appCssDeclaresEveryChartColourWithTheValueItsDefaultHas(FxRobot robot) throws IOException {
        String css = appCss();
        for (ChartColour c : ChartColour.values()) {
            assertThat(css).as(c + " declared in app.css").contains(c.property() + ":");
        }
        TimeSeriesChart chart = twoLines();
        render(robot, chart, appCssUrl());
        for (ChartColour c : ChartColour.values()) {
            assertThat(chart.theme().colour(c)).as(c.property()).isEqualTo(c.fallback());
        }
    }

    @Test
    void changingTheOnColourInTheCssRepaintsTheOnLineAndItsLegendKey(FxRobot robot) throws IOException {
        PixelReader asShipped = render(robot, twoLines(), appCssUrl());
        assertThat(count(asShipped, Color.web("#0969da"))).as("ON's shipped colour painted").isGreaterThan(30);
        assertThat(count(asShipped, MAGENTA)).isZero();

        TimeSeriesChart chart = twoLines();
        PixelReader changed = render(robot, chart, appCssWith("-chart-on: #0969da;", "-chart-on: #ff00ff;"));
        assertThat(chart.colourOf(0)).isEqualTo(MAGENTA);
        assertThat(chart.colourOf(1)).isEqualTo(TimeSeriesChart.OFF_COLOUR);
        // the legend key alone covers 18 × 2 whole pixels; the line adds more
        assertThat(count(changed, MAGENTA)).as("ON painted in the style sheet's colour").isGreaterThan(36);
        assertThat(count(changed, Color.web("#0969da"))).isZero();
    }

    @Test
    void changingTheGridColourInTheCssRepaintsTheGrid(FxRobot robot) throws IOException {
        assertThat(count(render(robot, twoLines(), appCssUrl()), GREEN)).isZero();
        PixelReader changed = render(robot, twoLines(), appCssWith("-chart-grid: #d0d7de;", "-chart-grid: #00ff00;"));
        assertThat(count(changed, GREEN)).as("grid lines in the style sheet's colour").isGreaterThan(500);
        assertThat(count(changed, Color.web("#d0d7de"))).isZero();
    }

    @Test
    void theAnnualBarsTakeTheSeriesColoursFromTheCss(FxRobot robot) throws IOException {
        AnnualBars bars = new AnnualBars();
        bars.setData(AnnualBars.of(List.of(new AnnualBars.Year(2020, 0.1), new AnnualBars.Year(2021, -0.05)),
                List.of(new AnnualBars.Year(2020, 0.08), new AnnualBars.Year(2021, 0.02))));
        PixelReader p = render(robot, bars, appCssWith("-chart-off: #8c959f;", "-chart-off: #ff00ff;"));
        assertThat(count(p, MAGENTA)).as("OFF's bars and key").isGreaterThan(500);
        assertThat(count(p, Color.web("#8c959f"))).isZero();
    }

    @Test
    void theHeatmapTakesItsBackgroundFromTheCss(FxRobot robot) throws IOException {
        Heatmap map = new Heatmap();
        PixelReader p = render(robot, map, appCssWith("-chart-background: white;", "-chart-background: #00ff00;"));
        assertThat(p.getArgb(10, 10)).isEqualTo(argb(GREEN));
        assertThat(p.getArgb(590, 290)).isEqualTo(argb(GREEN));
    }

    @Test
    void withoutAStyleSheetAChartDrawsTheDefaults(FxRobot robot) {
        TimeSeriesChart chart = twoLines();
        PixelReader p = render(robot, chart, null);
        assertThat(chart.theme().colour(ChartColour.ON)).isEqualTo(Color.web("#0969da"));
        assertThat(count(p, Color.web("#0969da"))).isGreaterThan(30);
    }
}
