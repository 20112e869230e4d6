package foresto.ui.chart;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The chart lines' rasteriser, against geometry worked out by hand: a line of width w covers, in each pixel, the
 * area of the pixel inside its band; the covered area over all pixels is length × width.
 */
class RasterTest {
    private static double coveredArea(Raster r) {
        double sum = 0;
        for (int y = 0; y < r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                sum += r.alphaAt(x, y) / 255.0;
            }
        }
        return sum;
    }

    @Test
    void aHorizontalLineOnAPixelRowCoversExactlyThatRow() {
        Raster r = new Raster(20, 10);
        r.polyline(new double[]{2, 18}, new double[]{5.5, 5.5}, 2, 1, Color.BLACK);
        for (int x = 0; x < 20; x++) {
            assertThat(r.alphaAt(x, 5)).as("column " + x).isEqualTo(x >= 2 && x < 18 ? 255 : 0);
            assertThat(r.alphaAt(x, 4)).isZero();
            assertThat(r.alphaAt(x, 6)).isZero();
        }
        assertThat(coveredArea(r)).isCloseTo(16 * 1, within(1e-9));
    }

    @Test
    void aTwoPixelLineOnARowBoundaryCoversBothRowsAndAHalfPixelLineHalfARow() {
        Raster r = new Raster(10, 10);
        r.polyline(new double[]{0, 10}, new double[]{5, 5}, 2, 2, Color.BLACK); // band [4, 6]
        assertThat(r.alphaAt(3, 3)).isZero();
        assertThat(r.alphaAt(3, 4)).isEqualTo(255);
        assertThat(r.alphaAt(3, 5)).isEqualTo(255);
        assertThat(r.alphaAt(3, 6)).isZero();

        Raster half = new Raster(10, 10);
        half.polyline(new double[]{0, 10}, new double[]{5.25, 5.25}, 2, 0.5, Color.BLACK); // band [5, 5.5]
        assertThat(half.alphaAt(3, 5)).isEqualTo(128); // 0.5 × 255 rounded
        assertThat(half.alphaAt(3, 4)).isZero();
        assertThat(half.alphaAt(3, 6)).isZero();
    }

    @Test
    void aVerticalLineIsWalkedByRows() {
        Raster r = new Raster(15, 15);
        r.polyline(new double[]{7.5, 7.5}, new double[]{11, 1}, 2, 1, Color.BLACK); // drawn upwards
        for (int y = 0; y < 15; y++) {
            assertThat(r.alphaAt(7, y)).as("row " + y).isEqualTo(y >= 1 && y < 11 ? 255 : 0);
            assertThat(r.alphaAt(6, y)).isZero();
            assertThat(r.alphaAt(8, y)).isZero();
        }
    }

    @Test
    void aDiagonalCoversLengthTimesWidthAndIsSymmetric() {
        Raster r = new Raster(30, 30);
        r.polyline(new double[]{4, 24}, new double[]{4, 24}, 2, 1.4, Color.BLACK);
        // a 45° band 1.4 wide across 20 columns: length 20·√2; the ends are cut square to the columns, which adds
        // or removes nothing on average for a straight band
        assertThat(coveredArea(r)).isCloseTo(20 * Math.sqrt(2) * 1.4, within(20 * Math.sqrt(2) * 1.4 * 0.03));
        for (int y = 6; y < 22; y++) { // away from the ends, which are cut square to the columns
            for (int x = 6; x < 22; x++) {
                assertThat(r.alphaAt(x, y)).as(x + "," + y).isEqualTo(r.alphaAt(y, x));
            }
        }
        assertThat(r.alphaAt(14, 14)).isEqualTo(255); // on the line
        assertThat(r.alphaAt(20, 10)).isZero(); // far off it
    }

    @Test
    void twoSegmentsMeetingInsideAColumnMakeOneWholeColumnNotADoubleOrHalfOne() {
        Raster r = new Raster(20, 10);
        r.polyline(new double[]{0, 10.5, 20}, new double[]{5.5, 5.5, 5.5}, 3, 1, Color.BLACK);
        assertThat(r.alphaAt(10, 5)).isEqualTo(255);
        assertThat(coveredArea(r)).isCloseTo(20, within(1e-9));
        // a line folding back over itself stays at full cover, it is not painted twice
        Raster fold = new Raster(20, 10);
        fold.polyline(new double[]{2, 12, 4}, new double[]{5.5, 5.5, 5.5}, 3, 1, new Color(0, 0, 0, 0.5));
        assertThat(fold.alphaAt(6, 5)).isEqualTo(128);
    }

    @Test
    void linesStayInsideTheClippedRows() {
        Raster r = new Raster(10, 10);
        r.clipRows(0, 5);
        r.polyline(new double[]{0, 10}, new double[]{7.5, 7.5}, 2, 1, Color.BLACK);
        assertThat(coveredArea(r)).isZero();
        r.polyline(new double[]{3.5, 3.5}, new double[]{0, 10}, 2, 1, Color.BLACK);
        for (int y = 0; y < 10; y++) {
            assertThat(r.alphaAt(3, y)).as("row " + y).isEqualTo(y < 5 ? 255 : 0);
        }
        Raster off = new Raster(10, 10);
        off.polyline(new double[]{-50, 80}, new double[]{-3, -40}, 2, 1, Color.BLACK); // wholly outside
        off.polyline(new double[]{-20, 30}, new double[]{4.5, 4.5}, 2, 1, Color.BLACK); // crosses it
        assertThat(coveredArea(off)).isCloseTo(10, within(1e-9));
    }

    @Test
    void theLineColourGoesOverWhatIsThereInPremultipliedArgb() {
        Raster r = new Raster(10, 10);
        r.polyline(new double[]{0, 10}, new double[]{5.5, 5.5}, 2, 1, Color.BLUE);
        r.polyline(new double[]{0, 10}, new double[]{5.5, 5.5}, 2, 1, Color.RED);
        assertThat(r.argb[5 * 10 + 3]).isEqualTo(0xFFFF0000);
        Raster half = new Raster(10, 10);
        half.polyline(new double[]{0, 10}, new double[]{5.25, 5.25}, 2, 0.5, Color.RED);
        assertThat(half.argb[5 * 10 + 3]).isEqualTo(0x80800000); // half covered: alpha and red both 128
        // half-covered red over opaque blue: half red (128), half of the blue (127.5 rounds to 128), opaque
        Raster mix = new Raster(10, 10);
        mix.polyline(new double[]{0, 10}, new double[]{5.5, 5.5}, 2, 1, Color.BLUE);
        mix.polyline(new double[]{0, 10}, new double[]{5.25, 5.25}, 2, 0.5, Color.RED);
        assertThat(mix.argb[5 * 10 + 3]).isEqualTo(0xFF800080);
    }

    @Test
    void degenerateInputDrawsNothing() {
        Raster r = new Raster(10, 10);
        r.polyline(new double[]{3, 3}, new double[]{3, 3}, 2, 1, Color.BLACK); // a point
        r.polyline(new double[]{Double.NaN, 5}, new double[]{1, 5}, 2, 1, Color.BLACK);
        r.polyline(new double[]{0, Double.POSITIVE_INFINITY}, new double[]{1, 5}, 2, 1, Color.BLACK);
        r.polyline(new double[]{0, 9}, new double[]{1, 5}, 1, 1, Color.BLACK); // one point only
        assertThat(coveredArea(r)).isZero();
    }

    @Test
    void verticalTicksAreSolidColumns() {
        Raster r = new Raster(10, 10);
        r.verticalLine(4, 2, 7, Color.RED);
        r.verticalLine(-1, 0, 10, Color.RED); // outside: ignored
        r.verticalLine(10, 0, 10, Color.RED);
        for (int y = 0; y < 10; y++) {
            assertThat(r.argb[y * 10 + 4]).as("row " + y).isEqualTo(y >= 2 && y < 7 ? 0xFFFF0000 : 0);
        }
        assertThat(coveredArea(r)).isCloseTo(5, within(1e-9));
    }

    @Test
    void aSteepLineIsTheTransposeOfTheFlatOneAndCoversLengthTimesWidth() {
        Raster flat = new Raster(30, 30);
        flat.polyline(new double[]{2.5, 26.3}, new double[]{5, 13}, 2, 1.4, Color.BLACK); // x-major, ends inside pixels
        Raster steep = new Raster(30, 30);
        steep.polyline(new double[]{5, 13}, new double[]{2.5, 26.3}, 2, 1.4, Color.BLACK); // the same, y-major
        double length = Math.hypot(23.8, 8);
        assertThat(coveredArea(steep)).isCloseTo(length * 1.4, within(length * 1.4 * 0.03));
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 30; x++) {
                assertThat(steep.alphaAt(x, y)).as(x + "," + y).isEqualTo(flat.alphaAt(y, x));
            }
        }
    }

    @Test
    void aLineDrawnBackwardsIsTheSameLine() {
        Raster forwards = new Raster(30, 30);
        forwards.polyline(new double[]{2, 26}, new double[]{5, 13}, 2, 1.4, Color.BLACK);
        Raster backwards = new Raster(30, 30);
        backwards.polyline(new double[]{26, 2}, new double[]{13, 5}, 2, 1.4, Color.BLACK);
        assertThat(backwards.argb).containsExactly(forwards.argb);
    }

    @Test
    void aLongThickLineAndALargeRasterAfterASmallOneAreCoveredWhole() {
        new Raster(4, 4).polyline(new double[]{0, 4}, new double[]{1.5, 1.5}, 2, 1, Color.BLACK); // a small one first
        Raster r = new Raster(3000, 12);
        r.polyline(new double[]{0, 3000}, new double[]{6, 6}, 2, 3, Color.BLACK); // band 4.5..7.5: 12,000 pixels
        // rows 5 and 6 whole, rows 4 and 7 half (alpha 127.5, stored as 128)
        assertThat(coveredArea(r)).isCloseTo(3000 * (2 + 2 * 128 / 255.0), within(1e-6));
        assertThat(r.alphaAt(2999, 5)).isEqualTo(255);
        assertThat(r.alphaAt(2999, 4)).isEqualTo(128);
    }

    @Test
    void everyChannelIsPremultipliedAndBlended() {
        Raster half = new Raster(10, 10);
        half.polyline(new double[]{0, 10}, new double[]{5.25, 5.25}, 2, 0.5, Color.rgb(0x20, 0x40, 0x80));
        assertThat(half.argb[5 * 10 + 3]).isEqualTo(0x80102040); // alpha 127.5 and each channel halved, rounded
        // a half-transparent fully covering line over an opaque one: 0.5 × new + 0.5 × old, channel by channel
        Raster over = new Raster(10, 10);
        over.polyline(new double[]{0, 10}, new double[]{5.5, 5.5}, 2, 1, Color.rgb(0x40, 0x80, 0xC0));
        over.polyline(new double[]{0, 10}, new double[]{5.5, 5.5}, 2, 1, Color.rgb(0xC0, 0x00, 0x40, 0.5));
        assertThat(over.argb[5 * 10 + 3]).isEqualTo(0xFF804080);
        // a tick over a half-covered pixel: opaque, so it replaces it; and ticks in the first and last columns
        over.verticalLine(3, 4, 7, Color.rgb(0x11, 0x22, 0x33));
        assertThat(over.argb[5 * 10 + 3]).isEqualTo(0xFF112233);
        Raster edges = new Raster(10, 10);
        edges.verticalLine(0, 0, 10, Color.BLACK);
        edges.verticalLine(9, 0, 10, Color.BLACK);
        assertThat(coveredArea(edges)).isCloseTo(20, within(1e-9));
        assertThat(edges.alphaAt(0, 9)).isEqualTo(255);
        assertThat(edges.alphaAt(9, 0)).isEqualTo(255);
        // a half-transparent tick blends with what is under it
        Raster tick = new Raster(10, 10);
        tick.polyline(new double[]{0, 10}, new double[]{5.5, 5.5}, 2, 1, Color.rgb(0x40, 0x80, 0xC0));
        tick.verticalLine(3, 0, 10, Color.rgb(0xC0, 0x00, 0x40, 0.5));
        assertThat(tick.argb[5 * 10 + 3]).isEqualTo(0xFF804080);
        assertThat(tick.argb[2 * 10 + 3]).isEqualTo(0x80600020);
    }
}
