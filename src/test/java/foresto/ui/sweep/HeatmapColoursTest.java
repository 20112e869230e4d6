package foresto.ui.sweep;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The heatmap's scale, now blended between theme colours, gives the 8-bit colours it always did. */
class HeatmapColoursTest {
    @Test
    void blendingFromWhiteGivesTheFormerFixedScalesChannelForChannel() {
        Color white = Color.WHITE;
        Color better = Color.rgb(55, 175, 55);
        Color worse = Color.rgb(225, 65, 65);
        for (int k = 0; k <= 1000; k++) {
            double a = k / 1000.0;
            // the former formulas: green 255 − 200a, 255 − 80a, 255 − 200a; red 255 − 30a, 255 − 190a, 255 − 190a
            assertThat(Heatmap.blend(white, better, a)).as("better at " + a)
                    .isEqualTo(Color.rgb((int) (255 - 200 * a), (int) (255 - 80 * a), (int) (255 - 200 * a)));
            assertThat(Heatmap.blend(white, worse, a)).as("worse at " + a)
                    .isEqualTo(Color.rgb((int) (255 - 30 * a), (int) (255 - 190 * a), (int) (255 - 190 * a)));
        }
    }

    @Test
    void blendingReachesTheFarColourAtOneAndStaysAtTheNearOneAtZero() {
        assertThat(Heatmap.blend(Color.BLACK, Color.rgb(10, 20, 30), 1)).isEqualTo(Color.rgb(10, 20, 30));
        assertThat(Heatmap.blend(Color.BLACK, Color.rgb(10, 20, 30), 0)).isEqualTo(Color.BLACK);
    }
}
