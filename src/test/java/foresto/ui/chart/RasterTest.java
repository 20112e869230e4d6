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
}
