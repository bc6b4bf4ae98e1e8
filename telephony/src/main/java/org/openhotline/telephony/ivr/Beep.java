package org.openhotline.telephony.ivr;

import org.openhotline.voice.audio.PcmAudio;

/** The tone before a voice message is recorded: 1 kHz for 300 ms. */
final class Beep {
    static final PcmAudio TONE;

    static {
        short[] s = new short[2400];
        for (int i = 0; i < s.length; i++) s[i] = (short) (6000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
        TONE = new PcmAudio(s, 8000);
    }

    private Beep() {}
}
