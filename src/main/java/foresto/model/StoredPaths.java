package foresto.model;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import foresto.engine.PathStats;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A run's daily series as stored in {@code simulation_run.paths}: the dates, the OFF and (when ON) the ON
 * value path, and per held class the close weights before trading on both paths, so a stored run shows its
 * charts and drift panel without recomputation. Encoded as deflated big-endian binary (format version 1).
 *
 * <p>The arrays are shared, not copied (a 30-year run holds ~15 of them of 7,560 values, read on every frame):
 * whoever builds one hands its arrays over and nobody writes to them afterwards.
 */
public record StoredPaths(LocalDate[] dates, double[] off, double[] on, int[] heldOrdinals, double[][] offWeights,
                          double[][] onWeights) {
    private static final int VERSION = 1;

    public boolean hasOn() {
        return on != null;
    }

    /**
     * The paths the return statistics are taken on: with cash flows each side's time-weighted index (SEMANTICS §13.4,
     * {@link PathStats#timeWeighted}), so Sharpe, Sortino and the calendar-year returns do not count contributions
     * as gains; without (null) these paths themselves.
     */
    public StoredPaths forReturns(RunFlows flows) {
        if (flows == null) {
            return this;
        }
        double[] onIndex = on == null || flows.on() == null ? on : PathStats.timeWeighted(dates, on, flows.on().flows());
        return new StoredPaths(dates, PathStats.timeWeighted(dates, off, flows.off().flows()), onIndex, heldOrdinals,
                offWeights, onWeights);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(dates.length * 16);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        // buffered in front of the deflater: fed eight bytes at a time it costs ~10× more (a deflate call per double)
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            out.writeInt(VERSION);
            out.writeInt(dates.length);
            out.writeInt(heldOrdinals.length);
            for (int h : heldOrdinals) {
                out.writeInt(h);
            }
            out.writeBoolean(hasOn());
            for (LocalDate d : dates) {
                out.writeInt((int) d.toEpochDay());
            }
            writeAll(out, off);
            for (double[] w : offWeights) {
                writeAll(out, w);
            }
            if (hasOn()) {
                writeAll(out, on);
                for (double[] w : onWeights) {
                    writeAll(out, w);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static void writeAll(DataOutputStream out, double[] values) throws IOException {
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    public static StoredPaths decode(byte[] blob) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(blob)), 1 << 16))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new ForestoException(ErrorCode.DATABASE_ERROR, "stored paths have unknown format " + version);
            }
            int n = in.readInt();
            int[] held = new int[in.readInt()];
            for (int j = 0; j < held.length; j++) {
                held[j] = in.readInt();
            }
            boolean hasOn = in.readBoolean();
            LocalDate[] dates = new LocalDate[n];
            for (int k = 0; k < n; k++) {
                dates[k] = LocalDate.ofEpochDay(in.readInt());
            }
            double[] off = readAll(in, n);
            double[][] offW = new double[held.length][];
            for (int j = 0; j < held.length; j++) {
                offW[j] = readAll(in, n);
            }
            double[] on = null;
            double[][] onW = null;
            if (hasOn) {
                on = readAll(in, n);
                onW = new double[held.length][];
                for (int j = 0; j < held.length; j++) {
                    onW[j] = readAll(in, n);
                }
            }
            return new StoredPaths(dates, off, on, held, offW, onW);
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.DATABASE_ERROR, "stored paths are damaged: " + e.getMessage(), e);
        }
    }

    private static double[] readAll(DataInputStream in, int n) throws IOException {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = in.readDouble();
        }
        return v;
    }
}
