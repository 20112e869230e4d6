package foresto.ui;

import foresto.i18n.Messages;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At 1280 × 800, in English and in Korean, the Robustness tab's Start dates and Bootstrap pages show a study whole
 * without scrolling: the form with its Run button, the headline, both charts at a readable height and the table under
 * them (the start-date windows with several rows in view, the bootstrap's quantiles with both rows).
 */
class RobustnessPagesFitTest extends RobotTestBase {
    private static final String QUARTERLY = "P2_PERIODIC_QUARTERLY_FTD_10BP";

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private static ScrollPane page(Node n) {
        Parent p = n.getParent();
        while (!(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        return (ScrollPane) p;
    }

    /** How far the page's content reaches past its viewport (≤ 0: it fits, nothing to scroll). */
    private static double overflow(ScrollPane page) {
        return ((Region) page.getContent()).getHeight() - page.getViewportBounds().getHeight();
    }

    private static double rowsShown(TableView<?> table) {
        Node header = table.lookup(".column-header-background");
        Region row = (Region) table.lookup(".table-row-cell");
        return (table.getHeight() - header.getBoundsInParent().getHeight()) / row.getHeight();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void startDatesAndBootstrapFitTheWindowAt1280x800(String language, FxRobot robot) throws TimeoutException, IOException {
        fx.openRobustness(robot, language, 1280, 800, QUARTERLY);
        TabPane studies = robot.lookup("#robustStudies").queryAs(TabPane.class);
        double windowBottom = fx.window.scene().getHeight();
        StringBuilder sizes = new StringBuilder(language);

        // start dates: 12-month windows every 3 months
        robot.interact(() -> {
            studies.getSelectionModel().select(1);
            robot.lookup("#robustLength").queryAs(TextField.class).setText("12");
            robot.lookup("#robustStep").queryAs(TextField.class).setText("3");
        });
        TableView<?> windows = fx.runStudy(robot, "#robustWindowsRun", "#robustWindowsTable", 3);
        ScrollPane windowsPage = page(windows);
        Region premium = robot.lookup("#robustPremiumChart").queryAs(Region.class);
        sizes.append(String.format(Locale.ROOT, "%nstart dates: overflow %.0f px, chart %.0f px, %.1f rows", overflow(windowsPage),
                premium.getHeight(), rowsShown(windows)));
        fx.screenshot(robot, "robustness-start-dates-1280x800-" + language + ".png");

        // bootstrap: 100 resampled histories against OFF
        robot.interact(() -> {
            studies.getSelectionModel().select(2);
            robot.lookup("#robustPaths").queryAs(TextField.class).setText("100");
        });
        TableView<?> quantiles = fx.runStudy(robot, "#robustBootstrapRun", "#robustBootstrapTable", 2);
        ScrollPane bootstrapPage = page(quantiles);
        Region fan = robot.lookup("#robustFanChart").queryAs(Region.class);
        sizes.append(String.format(Locale.ROOT, "%nbootstrap: overflow %.0f px, chart %.0f px, %.1f rows", overflow(bootstrapPage),
                fan.getHeight(), rowsShown(quantiles)));
        fx.screenshot(robot, "robustness-bootstrap-1280x800-" + language + ".png");
        Files.writeString(Path.of("target/screenshots", "robustness-pages-1280x800-" + language + ".txt"), sizes);

        // nothing to scroll: the form, headline, charts and table in view at once
        assertThat(overflow(windowsPage)).as("start dates page past its view: " + sizes).isLessThanOrEqualTo(0.5);
        assertThat(premium.getHeight()).as("premium chart: " + sizes).isGreaterThanOrEqualTo(240);
        assertThat(rowsShown(windows)).as("windows in view: " + sizes).isGreaterThanOrEqualTo(3);
        assertThat(UiFixture.sceneBottom(windows)).isLessThanOrEqualTo(windowBottom);
        assertThat(UiFixture.sceneTop(robot.lookup("#robustWindowsHeadline").queryAs(Label.class))).isGreaterThanOrEqualTo(UiFixture.sceneTop(windowsPage));
        assertThat(overflow(bootstrapPage)).as("bootstrap page past its view: " + sizes).isLessThanOrEqualTo(0.5);
        assertThat(fan.getHeight()).as("fan chart: " + sizes).isGreaterThanOrEqualTo(240);
        // the quantiles' sentence, which the table shows as figures, stays on the table's hover text
        assertThat(quantiles.getTooltip().getText()).startsWith(language.equals("en") ? "CAGR A − B: median" : "연평균");
        assertThat(rowsShown(quantiles)).as("quantile rows in view: " + sizes).isGreaterThanOrEqualTo(2);
        assertThat(UiFixture.sceneBottom(quantiles)).isLessThanOrEqualTo(windowBottom);
    }
}
