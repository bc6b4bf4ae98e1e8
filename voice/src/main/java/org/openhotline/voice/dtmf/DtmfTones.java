package org.openhotline.voice.dtmf;

import org.openhotline.voice.audio.PcmAudio;

/** Makes in-band DTMF tones, to send keys to a peer without telephone-events and to test the detector. */
public final class DtmfTones {
    private DtmfTones() {}

    /** One key: both tones at {@code dbfs} each (-10 dBFS is loud but safe), for {@code millis}. */
    public static PcmAudio tone(DtmfDigit digit, int sampleRate, int millis, double dbfs) {
        return tone(digit, sampleRate, millis, dbfs, dbfs);
    }

    /** One key with separate levels for the low and high tone (twist). */
    public static PcmAudio tone(DtmfDigit digit, int sampleRate, int millis, double lowDbfs, double highDbfs) {
        int n = sampleRate * millis / 1000;
        double lowAmp = 32767 * Math.pow(10, lowDbfs / 20);
        double highAmp = 32767 * Math.pow(10, highDbfs / 20);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / sampleRate;
            double v = lowAmp * Math.sin(2 * Math.PI * digit.lowHz() * t) + highAmp * Math.sin(2 * Math.PI * digit.highHz() * t);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
        return new PcmAudio(out, sampleRate);
    }

    /** A key sequence such as "123#", each key {@code toneMillis} then {@code gapMillis} of silence. */
    public static PcmAudio sequence(String keys, int sampleRate, int toneMillis, int gapMillis) {
        int toneSamples = sampleRate * toneMillis / 1000;
        int gapSamples = sampleRate * gapMillis / 1000;
        short[] out = new short[keys.length() * (toneSamples + gapSamples)];
        int at = 0;
        for (char c : keys.toCharArray()) {
            DtmfDigit digit = DtmfDigit.ofSymbol(c).orElseThrow(() -> new IllegalArgumentException("not a DTMF key: " + c));
            System.arraycopy(tone(digit, sampleRate, toneMillis, -10).samples(), 0, out, at, toneSamples);
            at += toneSamples + gapSamples;
        }
        return new PcmAudio(out, sampleRate);
    }
}
