package org.openhotline.voice.dtmf;

import java.util.Optional;

/**
 * The 16 keypad digits with their tone pair (ITU-T Q.23) and RFC 4733 event code, so RTP telephone-events,
 * SIP INFO bodies and in-band tones all map to one type.
 */
public enum DtmfDigit {
    D1('1', 697, 1209, 1), D2('2', 697, 1336, 2), D3('3', 697, 1477, 3), DA('A', 697, 1633, 12),
    D4('4', 770, 1209, 4), D5('5', 770, 1336, 5), D6('6', 770, 1477, 6), DB('B', 770, 1633, 13),
    D7('7', 852, 1209, 7), D8('8', 852, 1336, 8), D9('9', 852, 1477, 9), DC('C', 852, 1633, 14),
    STAR('*', 941, 1209, 10), D0('0', 941, 1336, 0), HASH('#', 941, 1477, 11), DD('D', 941, 1633, 15);

    /** Row (low group) and column (high group) frequencies in Hz. */
    static final int[] ROWS = {697, 770, 852, 941};
    static final int[] COLUMNS = {1209, 1336, 1477, 1633};

    private final char symbol;
    private final int lowHz;
    private final int highHz;
    private final int eventCode;

    DtmfDigit(char symbol, int lowHz, int highHz, int eventCode) {
        this.symbol = symbol;
        this.lowHz = lowHz;
        this.highHz = highHz;
        this.eventCode = eventCode;
    }

    public char symbol() {
        return symbol;
    }

    public int lowHz() {
        return lowHz;
    }

    public int highHz() {
        return highHz;
    }

    /** The RFC 4733 telephone-event code (0–15). */
    public int eventCode() {
        return eventCode;
    }

    public static Optional<DtmfDigit> ofSymbol(char symbol) {
        char c = Character.toUpperCase(symbol);
        for (DtmfDigit d : values()) if (d.symbol == c) return Optional.of(d);
        return Optional.empty();
    }

    /** From an RFC 4733 event code; codes above 15 (flash, tones) are not digits. */
    public static Optional<DtmfDigit> ofEventCode(int code) {
        for (DtmfDigit d : values()) if (d.eventCode == code) return Optional.of(d);
        return Optional.empty();
    }

    static DtmfDigit at(int row, int column) {
        return values()[row * 4 + column];
    }

    @Override
    public String toString() {
        return String.valueOf(symbol);
    }
}
