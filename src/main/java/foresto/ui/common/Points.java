package foresto.ui.common;

import foresto.text.DisplayNumber;

/**
 * A size in percentage points, in the screen's one number form ({@link DisplayNumber}): 0.020000000000000004 →
 * "2.00 %p". A drift's size or a band, where {@link DisplayNumber#points} would write a sign.
 */
public final class Points {
    private Points() {
    }

    /** |fraction| in percentage points with two decimals and no sign: −0.0521 → "5.21 %p"; NaN → "—". */
    public static String size(double fraction) {
        return Double.isNaN(fraction) ? DisplayNumber.NONE : DisplayNumber.percent(Math.abs(fraction)) + "p";
    }
}
