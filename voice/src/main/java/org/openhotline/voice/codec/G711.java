package org.openhotline.voice.codec;

/**
 * ITU-T G.711 µ-law (PCMU, RTP payload type 0) and A-law (PCMA, type 8) for 16-bit linear PCM at 8 kHz, the
 * two codecs every SIP trunk and phone offers. Tables are built once, so decoding is a lookup per sample.
 */
public final class G711 {
    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = ulawDecode((byte) i);
            ALAW_TO_LINEAR[i] = alawDecode((byte) i);
        }
    }

    private G711() {}

    public static byte linearToUlaw(short sample) {
        int pcm = sample;
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) pcm = -pcm;
        if (pcm > CLIP) pcm = CLIP;
        pcm += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
        int mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static short ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    public static byte linearToAlaw(short sample) {
        int pcm = sample;
        int sign = pcm >= 0 ? 0x80 : 0x00;
        if (sign == 0) pcm = -pcm - 1;
        if (pcm > 32767) pcm = 32767;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
        int mantissa = exponent == 0 ? (pcm >> 4) & 0x0F : (pcm >> (exponent + 3)) & 0x0F;
        int code = sign | (exponent << 4) | mantissa;
        return (byte) (code ^ 0x55);
    }

    public static short alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    /** Encodes {@code count} samples from {@code pcm[offset..]} into {@code out[0..count)}. */
    public static void encode(Law law, short[] pcm, int offset, int count, byte[] out) {
        for (int i = 0; i < count; i++) out[i] = law == Law.ULAW ? linearToUlaw(pcm[offset + i]) : linearToAlaw(pcm[offset + i]);
    }

    /** Decodes {@code count} bytes from {@code in[offset..]} into {@code out[0..count)}. */
    public static void decode(Law law, byte[] in, int offset, int count, short[] out) {
        short[] table = law == Law.ULAW ? ULAW_TO_LINEAR : ALAW_TO_LINEAR;
        for (int i = 0; i < count; i++) out[i] = table[in[offset + i] & 0xFF];
    }

    private static short ulawDecode(byte code) {
        int u = ~code & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
        return (short) (sign != 0 ? -magnitude : magnitude);
    }

    private static short alawDecode(byte code) {
        int a = (code ^ 0x55) & 0xFF;
        int sign = a & 0x80;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short) (sign != 0 ? magnitude : -magnitude);
    }

    /** The two companding laws, with their static RTP payload types. */
    public enum Law {
        ULAW(0, "PCMU"),
        ALAW(8, "PCMA");

        public final int payloadType;
        public final String encodingName;

        Law(int payloadType, String encodingName) {
            this.payloadType = payloadType;
            this.encodingName = encodingName;
        }
    }
}
