package org.openhotline.voice.dtmf;

import java.util.ArrayList;
import java.util.List;

/**
 * In-band DTMF detection (Goertzel), the fallback when a peer sends keys as tones in the audio instead of RFC 4733
 * events. Windows of 25.6 ms (205 samples at 8 kHz) are analysed every half window; a window holds a key when
 * one row and one column tone carry most of its energy, each clearly above the other tones of its group, loud
 * enough, and within the allowed twist. A key is reported once, when two windows in a row agree, and released
 * after two windows without it — so a 40 ms key is caught and a held key is not repeated. Not thread-safe.
 */
public final class DtmfDetector {
    private static final double MIN_PAIR_SHARE = 0.70;
    private static final double MIN_TONE_DBFS = -36;
    private static final double MAX_NORMAL_TWIST_DB = 8;
    private static final double MAX_REVERSE_TWIST_DB = 4;
    private static final double GROUP_MARGIN_DB = 8;

    private final int window;
    private final int hop;
    private final double[] rowCoefficients = new double[4];
    private final double[] columnCoefficients = new double[4];
    private final float[] buffer;
    private final double[] rowPowers = new double[4];      // reused per window: the detector runs per call on the media clock
    private final double[] columnPowers = new double[4];
    private int filled;
    private DtmfDigit candidate;
    private DtmfDigit pressed;
    private int misses;

    public DtmfDetector(int sampleRate) {
        this.window = Math.max(32, sampleRate * 205 / 8000);
        this.hop = window / 2;
        this.buffer = new float[window];
        for (int i = 0; i < 4; i++) {
            rowCoefficients[i] = 2 * Math.cos(2 * Math.PI * DtmfDigit.ROWS[i] / sampleRate);
            columnCoefficients[i] = 2 * Math.cos(2 * Math.PI * DtmfDigit.COLUMNS[i] / sampleRate);
        }
    }

    /** Feeds audio; returns the keys pressed in it (usually none), each once. */
    public List<DtmfDigit> accept(short[] pcm, int offset, int length) {
        List<DtmfDigit> keys = List.of();
        for (int i = offset; i < offset + length; i++) {
            buffer[filled++] = pcm[i];
            if (filled == window) {
                DtmfDigit key = update(analyse());
                if (key != null) {
                    if (keys.isEmpty()) keys = new ArrayList<>(2);
                    keys.add(key);
                }
                System.arraycopy(buffer, hop, buffer, 0, window - hop);
                filled = window - hop;
            }
        }
        return keys;
    }

    public List<DtmfDigit> accept(short[] pcm) {
        return accept(pcm, 0, pcm.length);
    }

    /** The key held down now, if any (for a caller that wants key-up as well). */
    public DtmfDigit pressed() {
        return pressed;
    }

    private DtmfDigit update(DtmfDigit seen) {
        if (pressed != null) {
            if (seen == pressed) {
                misses = 0;
                return null;
            }
            if (++misses < 2) return null;
            pressed = null;
        }
        if (seen != null && seen == candidate) {
            pressed = seen;
            candidate = null;
            misses = 0;
            return seen;
        }
        candidate = seen;
        return null;
    }

    private DtmfDigit analyse() {
        double energy = 0;
        for (int i = 0; i < window; i++) energy += buffer[i] * buffer[i];
        if (energy <= 0) return null;
        double[] rows = powers(rowCoefficients, rowPowers);
        double[] columns = powers(columnCoefficients, columnPowers);
        int r = strongest(rows);
        int c = strongest(columns);
        double scale = 2.0 / (window * energy);
        double rowShare = rows[r] * scale;
        double columnShare = columns[c] * scale;
        if (rowShare + columnShare < MIN_PAIR_SHARE) return null;
        if (!clearOfGroup(rows, r) || !clearOfGroup(columns, c)) return null;
        double rowDbfs = toneDbfs(rows[r]);
        double columnDbfs = toneDbfs(columns[c]);
        if (rowDbfs < MIN_TONE_DBFS || columnDbfs < MIN_TONE_DBFS) return null;
        double twist = rowDbfs - columnDbfs;
        if (twist > MAX_NORMAL_TWIST_DB || -twist > MAX_REVERSE_TWIST_DB) return null;
        return DtmfDigit.at(r, c);
    }

    /** Level of a sine whose Goertzel power over the window is {@code power}, in dB of full-scale amplitude. */
    private double toneDbfs(double power) {
        double amplitude = 2 * Math.sqrt(power) / window;
        return 20 * Math.log10(amplitude / 32768 + 1e-12);
    }

    private boolean clearOfGroup(double[] powers, int best) {
        double margin = Math.pow(10, GROUP_MARGIN_DB / 10);
        for (int i = 0; i < powers.length; i++) if (i != best && powers[i] * margin > powers[best]) return false;
        return true;
    }

    private double[] powers(double[] coefficients, double[] out) {
        for (int k = 0; k < coefficients.length; k++) {
            double coefficient = coefficients[k], s1 = 0, s2 = 0;
            for (int i = 0; i < window; i++) {
                double s0 = buffer[i] + coefficient * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            out[k] = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        }
        return out;
    }

    private static int strongest(double[] powers) {
        int best = 0;
        for (int i = 1; i < powers.length; i++) if (powers[i] > powers[best]) best = i;
        return best;
    }
}
