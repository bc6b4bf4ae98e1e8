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
 * toneless pinyin, so that spoken or misspelt forms (转人公, 专人工) are caught as well as the written
 * ones, and patterns catch the longer ways of saying it ("叫个懂的人来"): missing a request for a human
 * is the one error a hotline bot must not make. (Fuzzy finals are not used here: they made 证人 read as 真人.)
 */
public final class HumanRequestDetector {
    private final PinyinConverter pinyin;
    private final List<String[]> phrases = new ArrayList<>();
    private final List<String[]> wholeMessages = new ArrayList<>();
    private final List<String[]> wholeClauses = new ArrayList<>();
    private final List<java.util.regex.Pattern> patterns = new ArrayList<>();
    private List<String> exclusions = List.of();
    private List<java.util.regex.Pattern> negations = List.of();
    private static final java.util.regex.Pattern CLAUSE_BREAK = java.util.regex.Pattern.compile("[\\p{P}\\p{Z}\\s~～]+");

    public HumanRequestDetector(PinyinConverter pinyin, List<String> containsPhrases, List<String> wholeMessagePhrases,
                                List<String> regexes) {
        this.pinyin = pinyin;
        for (String p : containsPhrases) phrases.add(syllables(p));
        for (String p : wholeMessagePhrases) wholeMessages.add(syllables(p));
        for (String r : regexes) patterns.add(java.util.regex.Pattern.compile(r));
    }

    /** The bundled lists: phrases anywhere in the message, whole-message phrases, and regular expressions. */
    public static HumanRequestDetector bundled(PinyinConverter pinyin) {
        HumanRequestDetector d = new HumanRequestDetector(pinyin, read("human-request.txt"), read("human-request-whole.txt"),
                read("human-request-patterns.txt"));
        d.exclusions = read("human-request-exclusions.txt");
        d.negations = read("human-request-negations.txt").stream().map(java.util.regex.Pattern::compile).toList();
        for (String c : read("human-request-clause.txt")) d.wholeClauses.add(d.syllables(c));
        return d;
    }

    /** The phrase that matched, or null when the message does not ask for a human. */
    public String match(String normalizedText) {
        normalizedText = withoutThings(normalizedText);
        for (java.util.regex.Pattern p : patterns) {
            java.util.regex.Matcher m = p.matcher(normalizedText);
            if (m.find()) return m.group();
        }
        String[] text = syllables(normalizedText);
        if (text.length == 0) return null;
        for (String[] whole : wholeMessages) if (java.util.Arrays.equals(whole, text)) return String.join(" ", whole);
        for (String[] p : phrases) if (indexOf(text, p) >= 0) return String.join(" ", p);
        if (!wholeClauses.isEmpty()) {
            // a short clause of its own ("办不了，换人"; "人呢？人呢？") asks as plainly as a whole message does
            for (String clause : CLAUSE_BREAK.split(normalizedText)) {
                String[] c = syllables(clause);
                if (c.length == 0) continue;
                for (String[] whole : wholeClauses) if (java.util.Arrays.equals(whole, c)) return String.join(" ", whole);
            }
        }
        return null;
    }

    /**
     * The text with the words that name things rather than people (人工关节, 人工智能, 真人认证) blanked
     * out, and the spans that mention a person without asking for one (不用转人工, 工作人员说…, 找人代办),
     * so that neither these rules nor a learned model read them as a request for a person.
     */
    public String withoutThings(String normalizedText) {
        String t = normalizedText;
        for (String x : exclusions) if (t.contains(x)) t = t.replace(x, "，");
        for (java.util.regex.Pattern n : negations) t = n.matcher(t).replaceAll("，");
        return t;
    }

    public boolean isHumanRequest(String normalizedText) {
        return match(normalizedText) != null;
    }

    private String[] syllables(String text) {
        return pinyin.syllables(text).toArray(String[]::new);
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
        return org.openhotline.nlu.lexicon.LexiconFiles.bundled("/org/openhotline/nlu/intent/" + name);
    }
}
