package org.openhotline.voice.vad;

/**
 * Energy detector over an adaptive noise floor. Audio is high-passed (below ~150 Hz is hum and handling noise),
 * cut into 10 ms blocks whatever the frame size, and each block's level compared with the noise floor: the
 * lowest block level of the last two seconds (minimum statistics: speech always has gaps, so the minimum tracks
 * the line's noise and follows it when it changes). Speech needs {@code onset} loud blocks in a row to start and
 * {@code hangover} quiet ones to end; once in speech the threshold drops 3 dB so word endings do not flicker.
 * Speech rises and falls with its syllables; a second of "speech" whose level barely moves (under 1.5 dB standard
 * deviation) is noise that just got louder (a fan, a car), so it ends at once and becomes the new floor instead of
 * waiting for the two-second window to catch up.
 */
final class EnergyVad implements VoiceActivityDetector {
    private static final int BLOCK_MILLIS = 10;
    private static final int FLOOR_WINDOW_BLOCKS = 200;
    private static final double HYSTERESIS_DB = 3;
    private static final int STEADY_BLOCKS = 100;
    private static final double STEADY_DB = 1.5;

    private final VadSettings settings;
    private final int blockSamples;
    private final int onsetBlocks;
    private final int hangoverBlocks;
    private final double highPass;
    private final double[] recent = new double[FLOOR_WINDOW_BLOCKS];
    private int recentCount;
    private int recentNext;
    private double previousIn;
    private double previousOut;
    private double blockEnergy;
    private int blockFill;
    private int loudRun;
    private int quietRun;
    private int speechBlocks;
    private boolean speaking;

    EnergyVad(VadSettings settings) {
        this.settings = settings;
        this.blockSamples = Math.max(1, settings.sampleRate() * BLOCK_MILLIS / 1000);
        this.onsetBlocks = Math.max(1, settings.onsetMillis() / BLOCK_MILLIS);
        this.hangoverBlocks = Math.max(1, settings.hangoverMillis() / BLOCK_MILLIS);
        this.highPass = Math.exp(-2 * Math.PI * 150.0 / settings.sampleRate());
    }

    @Override
    public VadEvent accept(short[] pcm, int offset, int length) {
        VadEvent event = VadEvent.NONE;
        for (int i = offset; i < offset + length; i++) {
            double x = pcm[i];
            double y = highPass * (previousOut + x - previousIn);
            previousIn = x;
            previousOut = y;
            blockEnergy += y * y;
            if (++blockFill == blockSamples) {
                VadEvent e = endBlock(levelDb(blockEnergy / blockSamples));
                if (e != VadEvent.NONE) event = e;
                blockEnergy = 0;
                blockFill = 0;
            }
        }
        return event;
    }

    private VadEvent endBlock(double level) {
        remember(level);
        double threshold = Math.max(noiseFloor() + settings.thresholdDb() - (speaking ? HYSTERESIS_DB : 0), settings.minSpeechLevelDb());
        boolean loud = level > threshold;
        if (!speaking) {
            loudRun = loud ? loudRun + 1 : 0;
            if (loudRun >= onsetBlocks) {
                speaking = true;
                quietRun = 0;
                speechBlocks = loudRun;
                return VadEvent.SPEECH_START;
            }
        } else {
            quietRun = loud ? 0 : quietRun + 1;
            if (++speechBlocks >= STEADY_BLOCKS && steady()) {
                recentCount = STEADY_BLOCKS; // forget the quieter past: this level is the line's noise now
                return endSpeech();
            }
            if (quietRun >= hangoverBlocks) return endSpeech();
        }
        return VadEvent.NONE;
    }

    private VadEvent endSpeech() {
        speaking = false;
        loudRun = 0;
        return VadEvent.SPEECH_END;
    }

    /** Whether the last second's levels barely vary (stationary noise, not syllables). */
    private boolean steady() {
        double sum = 0, squares = 0;
        for (int j = 0; j < STEADY_BLOCKS; j++) {
            double level = recent[(recentNext - 1 - j + recent.length) % recent.length];
            sum += level;
            squares += level * level;
        }
        double mean = sum / STEADY_BLOCKS;
        return squares / STEADY_BLOCKS - mean * mean < STEADY_DB * STEADY_DB;
    }

    private void remember(double level) {
        recent[recentNext] = level;
        recentNext = (recentNext + 1) % recent.length;
        if (recentCount < recent.length) recentCount++;
    }

    /** The quietest block of the window. */
    double noiseFloor() {
        double min = Double.MAX_VALUE;
        for (int j = 0; j < recentCount; j++) min = Math.min(min, recent[(recentNext - 1 - j + recent.length) % recent.length]);
        return recentCount == 0 ? settings.minSpeechLevelDb() : min;
    }

    private static double levelDb(double meanSquare) {
        return 10 * Math.log10(meanSquare / (32768.0 * 32768.0) + 1e-12);
    }

    @Override
    public boolean inSpeech() {
        return speaking;
    }

    @Override
    public void reset() {
        speaking = false;
        loudRun = 0;
        quietRun = 0;
    }
}
