package org.openhotline.voice.tts;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import java.util.Locale;
import org.openhotline.voice.audio.PcmAudio;

/**
 * English speech from FreeTTS's "kevin16" diphone voice (16 kHz), in-process and headless. FreeTTS voices are not
 * thread-safe, so utterances take turns on the one voice; English is rare on a Chinese hotline (and the prompt
 * cache absorbs repeats).
 */
public final class FreeTtsSynthesizer implements SpeechSynthesizer {
    private static final String VOICES = "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory";
    private final Voice voice;
    private final CapturingAudioPlayer player = new CapturingAudioPlayer();

    public FreeTtsSynthesizer() {
        if (System.getProperty("freetts.voices") == null) System.setProperty("freetts.voices", VOICES);
        Voice kevin = VoiceManager.getInstance().getVoice("kevin16");
        if (kevin == null) throw new SpeechUnavailableException("FreeTTS has no kevin16 voice (freetts.voices=" + System.getProperty("freetts.voices") + ")");
        kevin.allocate();
        kevin.setAudioPlayer(player);
        this.voice = kevin;
    }

    @Override
    public synchronized PcmAudio synthesize(String text, Locale language, int sampleRate) {
        if (!supports(language)) throw new SpeechUnavailableException("FreeTTS speaks English only, not " + language);
        player.take();
        if (!voice.speak(text)) throw new SpeechUnavailableException("FreeTTS could not speak: " + text);
        return player.take().at(sampleRate);
    }

    @Override
    public boolean supports(Locale language) {
        return "en".equals(language.getLanguage());
    }
}
