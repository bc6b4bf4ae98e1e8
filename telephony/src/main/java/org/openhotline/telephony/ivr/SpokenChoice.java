package org.openhotline.telephony.ivr;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openhotline.voice.asr.RecognitionSession;
import org.openhotline.voice.asr.SpeechRecognizer;

/**
 * A menu answered by voice: the caller's words are recognised against the menu's phrases only (a grammar, far
 * more reliable than free speech) while keys still work. {@code next} is the chosen node, or null.
 */
record SpokenChoice(String next, char key, boolean spoke) {

    static SpokenChoice listen(CallIo io, SpeechRecognizer speech, IvrNode.Menu menu) {
        List<String> phrases = List.copyOf(menu.phrases().keySet());
        String text;
        char key;
        try (RecognitionSession asr = speech.open(8000, phrases)) {
            key = io.listen(asr::accept, menu.timeout(), menu.timeout().plusSeconds(8));
            text = key == 0 ? asr.finish().text() : "";
        }
        if (key != 0) return new SpokenChoice(null, key, false);
        String heard = text == null ? "" : text.toLowerCase(Locale.ROOT).replace(" ", "");
        for (Map.Entry<String, String> p : menu.phrases().entrySet())
            if (!heard.isEmpty() && heard.contains(p.getKey().replace(" ", ""))) return new SpokenChoice(p.getValue(), (char) 0, true);
        return new SpokenChoice(null, (char) 0, !heard.isEmpty());
    }
}
