package org.openhotline.nlu.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.nlu.pinyin.PinyinConverter;

/**
 * Recognises a citizen asking for a person (转人工, 我要找真人, 给我接客服). Phrases are matched on
 * fuzzy pinyin, so that spoken or misspelt forms (转人公, 专人工) are caught as well as the written ones:
 * missing a request for a human is the one error a hotline bot must not make.
 */
public final class HumanRequestDetector {
    private final PinyinConverter pinyin;
    private final List<String[]> phrases = new ArrayList<>();
    private final List<String[]> wholeMessages = new ArrayList<>();

    public HumanRequestDetector(PinyinConverter pinyin, List<String> containsPhrases, List<String> wholeMessagePhrases) {
        this.pinyin = pinyin;
        for (String p : containsPhrases) phrases.add(fuzzySyllables(p));
        for (String p : wholeMessagePhrases) wholeMessages.add(fuzzySyllables(p));
    }

    /** The bundled phrase lists: {@code human-request.txt} (anywhere in the message) and {@code human-request-whole.txt}. */
    public static HumanRequestDetector bundled(PinyinConverter pinyin) {
        return new HumanRequestDetector(pinyin, read("human-request.txt"), read("human-request-whole.txt"));
    }

    /** The phrase that matched, or null when the message does not ask for a human. */
    public String match(String normalizedText) {
        String[] text = fuzzySyllables(normalizedText);
        if (text.length == 0) return null;
        for (String[] whole : wholeMessages) if (java.util.Arrays.equals(whole, text)) return String.join(" ", whole);
        for (String[] p : phrases) if (indexOf(text, p) >= 0) return String.join(" ", p);
        return null;
    }

    public boolean isHumanRequest(String normalizedText) {
        return match(normalizedText) != null;
    }

    private String[] fuzzySyllables(String text) {
        return pinyin.syllables(text).stream().map(PinyinConverter::fuzzy).toArray(String[]::new);
    }

    private static int indexOf(String[] text, String[] p) {
        outer:
        for (int i = 0; i + p.length <= text.length; i++) {
            for (int j = 0; j < p.length; j++) if (!text[i + j].equals(p[j])) continue outer;
            return i;
        }
        return -1;
    }

    private static List<String> read(String name) {
        try (InputStream in = HumanRequestDetector.class.getResourceAsStream("/org/openhotline/nlu/intent/" + name)) {
            if (in == null) throw new IllegalStateException("missing bundled phrase file " + name);
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    line = line.strip();
                    if (!line.isEmpty() && !line.startsWith("#")) out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
