package org.openhotline.telephony.ivr;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.prompt.Prompt;

/**
 * A caller scripted in memory, for the IVR's walk without SIP or audio: which key they press while a given prompt
 * plays (barge-in) and which keys they press when asked. Records what was said, in order.
 */
final class ScriptedCallIo implements CallIo {
    private final Map<String, Deque<Character>> during = new HashMap<>();
    private final Deque<Character> whenAsked = new ArrayDeque<>();
    final List<String> said = new ArrayList<>();
    private boolean ended;

    /** The caller presses {@code key} over the next playing of the prompt saying {@code text}. */
    ScriptedCallIo pressDuring(String text, char key) {
        during.computeIfAbsent(text, t -> new ArrayDeque<>()).add(key);
        return this;
    }

    /** Keys pressed, one by one, when the IVR waits for one after its prompt (0 = silence until the timeout). */
    ScriptedCallIo pressWhenAsked(String keys) {
        for (char c : keys.toCharArray()) whenAsked.add(c == '_' ? 0 : c);
        return this;
    }

    @Override public String callId() { return "scripted"; }

    @Override public String caller() { return "13800138000"; }

    @Override
    public char play(Prompt prompt) {
        said.add(prompt.text());
        Deque<Character> keys = during.get(prompt.text());
        Character k = keys == null ? null : keys.poll();
        return k == null ? 0 : k;
    }

    @Override public void play(PcmAudio audio) {}

    @Override
    public char key(Duration timeout) {
        Character k = whenAsked.poll();
        return k == null ? 0 : k;
    }

    @Override
    public String digits(char first, int max, Duration timeout) {
        StringBuilder sb = new StringBuilder();
        for (char k = first != 0 ? first : key(timeout); k != 0 && k != '#' && sb.length() < max; k = key(timeout)) sb.append(k);
        return sb.toString();
    }

    @Override public char listen(Consumer<short[]> sink, Duration noSpeech, Duration max) { return 0; }

    @Override public PcmAudio record(Duration max) { return new PcmAudio(new short[0], 8000); }

    @Override public void clearKeys() {}

    @Override public boolean ended() { return ended; }

    @Override public SipCall sipCall() { return null; }

    @Override public void hangup() { ended = true; }
}
