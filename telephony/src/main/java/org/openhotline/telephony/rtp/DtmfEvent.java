package org.openhotline.telephony.rtp;

import java.util.Optional;
import org.openhotline.voice.dtmf.DtmfDigit;

/** An RFC 4733 telephone-event payload: which key, whether it has ended, its volume and duration in samples. */
public record DtmfEvent(int event, boolean end, int volume, int duration) {

    public static Optional<DtmfEvent> parse(byte[] p) {
        if (p.length < 4) return Optional.empty();
        int event = p[0] & 0xFF;
        if (DtmfDigit.ofEventCode(event).isEmpty()) return Optional.empty();
        return Optional.of(new DtmfEvent(event, (p[1] & 0x80) != 0, p[1] & 0x3F, ((p[2] & 0xFF) << 8) | (p[3] & 0xFF)));
    }

    public static DtmfEvent of(char key, boolean end, int duration) {
        int e = DtmfDigit.ofSymbol(Character.toUpperCase(key)).orElseThrow(() -> new IllegalArgumentException("not a DTMF key: " + key)).eventCode();
        return new DtmfEvent(e, end, 10, duration);
    }

    public static boolean isKey(char c) {
        return DtmfDigit.ofSymbol(Character.toUpperCase(c)).isPresent();
    }

    public char key() {
        return DtmfDigit.ofEventCode(event).orElseThrow().symbol();
    }

    public byte[] bytes() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | (volume & 0x3F)), (byte) (duration >> 8), (byte) duration};
    }
}
