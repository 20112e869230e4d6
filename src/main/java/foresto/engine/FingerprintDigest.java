package foresto.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * The SHA-256 a dataset's fingerprint is, fed as it is read: each held column's name and values in {@link AssetClass}
 * order (IEEE-754 bits, big-endian, canonical NaN), then "|dates" and every date. {@link MarketData#fingerprint()}
 * feeds it from memory, the repository from the stored rows, so both give the same text for the same data.
 */
public final class FingerprintDigest {
    private final MessageDigest md;
    private final byte[] buf = new byte[8];

    public FingerprintDigest() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the column of {@code c}; its values follow. */
    public void column(AssetClass c) {
        md.update(c.name().getBytes(StandardCharsets.US_ASCII));
    }

    /** One value of the current column (a missing one as NaN). */
    public void value(double v) {
        long bits = Double.doubleToLongBits(v); // canonical NaN
        for (int b = 0; b < 8; b++) {
            buf[b] = (byte) (bits >>> (56 - 8 * b));
        }
        md.update(buf);
    }

    /** Ends the columns; the dates follow. */
    public void dates() {
        md.update("|dates".getBytes(StandardCharsets.US_ASCII));
    }

    /** One date, in order. */
    public void date(LocalDate d) {
        md.update(d.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The fingerprint: the digest in lower-case hex. Call once, last. */
    public String hex() {
        return HexFormat.of().formatHex(md.digest());
    }
}
