package org.openhotline.nlu.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openhotline.nlu.pinyin.PinyinConverter;

/**
 * Recognises a citizen asking for a person (转人工, 我要找真人, 给我接客服, 叫你们领导来, 机器人听不懂,
 * 按0, human). Missing a request for a human is the one error a hotline bot must not make, so the rules
 * are frames over word classes (a verb of fetching, then someone on the hotline's side; someone summoned
 * where they stand; tiredness of the machine; a call-back; a key press) rather than sentences, and they
 * read the text after misheard agent words are put back in writing (人公 → 人工). Short phrases are also
 * matched on toneless pinyin, so spoken or misspelt forms are caught. Spans that mention a person without
 * asking (不用转人工, 工作人员说…, 人工服务几点, 人工膝关节) are blanked out first. (Fuzzy pinyin is not
 * used for phrases: it made 证人 read as 真人, 自然人来 as 让人来 and 客户 as 客服.)
 */
public final class HumanRequestDetector {
    private static final Pattern CLAUSE = Pattern.compile("[^\\p{P}\\p{Z}\\s~～]+");
    /** Words whose sound-alikes are put back in writing before the rules read a message. */
    private static final List<String> AGENT_WORDS = List.of("转人工", "找人工", "人工客服", "人工服务", "人工", "客服",
            "接线员", "话务员", "工作人员", "坐席", "座席", "投诉", "机器人");

    private final PinyinConverter pinyin;
    private final List<String[]> phrases = new ArrayList<>();
    private final List<String> phraseTexts = new ArrayList<>();
    private final List<String[]> wholeMessages = new ArrayList<>();
    private final List<String[]> wholeClauses = new ArrayList<>();
    private final List<Pattern> patterns;
    private List<String> exclusions = List.of();
    private List<Pattern> negations = List.of();
    private SpokenAgentWords spoken;

    public HumanRequestDetector(PinyinConverter pinyin, List<String> containsPhrases, List<String> wholeMessagePhrases,
                                List<String> regexes) {
        this.pinyin = pinyin;
        for (String p : containsPhrases) {
            phrases.add(syllables(p));
            phraseTexts.add(p);
        }
        for (String p : wholeMessagePhrases) wholeMessages.add(syllables(p));
        this.patterns = new RegexTemplates().compile(regexes);
    }

    /**
     * The bundled lists: phrases anywhere in the message, whole-message and whole-clause phrases, request
     * patterns over the word classes of human-request-words.txt, and the spans and words that do not ask.
     */
    public static HumanRequestDetector bundled(PinyinConverter pinyin) {
        List<String> words = read("human-request-words.txt");
        HumanRequestDetector d = new HumanRequestDetector(pinyin, read("human-request.txt"), read("human-request-whole.txt"),
                concat(words, read("human-request-patterns.txt")));
        d.exclusions = read("human-request-exclusions.txt");
        d.negations = new RegexTemplates().define(words).compile(read("human-request-negations.txt"));
        for (String c : read("human-request-clause.txt")) d.wholeClauses.add(d.syllables(c));
        d.spoken = new SpokenAgentWords(pinyin, AGENT_WORDS);
        return d;
    }

    /** The phrase or span that matched, or null when the message does not ask for a human. */
    public String match(String normalizedText) {
        if (normalizedText == null) return null;
        return matchPrepared(withoutThings(normalizedText));
    }

    /** {@link #match} of a text already passed through {@link #withoutThings} (the classifier has it at hand). */
    String matchPrepared(String text) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) return m.group();
        }
        String[] syllables = syllables(text);
        if (syllables.length == 0) return null;
        for (String[] whole : wholeMessages) if (Arrays.equals(whole, syllables)) return String.join(" ", whole);
        Matcher clauses = CLAUSE.matcher(text);
        while (clauses.find()) {
            String clause = clauses.group();
            List<PinyinConverter.Syllable> spans = pinyin.spans(clause);
            String[] c = new String[spans.size()];
            for (int i = 0; i < c.length; i++) c[i] = spans.get(i).text();
            if (c.length == 0) continue;
            String found = phraseIn(clause, spans, c);
            if (found != null) return found;
            // a short clause of its own ("办不了，换人"; "人呢？人呢？") asks as plainly as a whole message does
            for (String[] whole : wholeClauses) if (Arrays.equals(whole, c)) return String.join(" ", whole);
        }
        return null;
    }

    /**
     * A phrase said in the clause: written as it is, or sounding like it where no word runs across the
     * span's edges (公交客服 sounds like 叫客服 but 公交 is a word; 赵某人工资 is not 找人工 because of 工资).
     */
    private String phraseIn(String clause, List<PinyinConverter.Syllable> spans, String[] syllables) {
        for (int k = 0; k < phrases.size(); k++) {
            String[] p = phrases.get(k);
            for (int i = indexOf(syllables, p, 0); i >= 0; i = indexOf(syllables, p, i + 1)) {
                int start = spans.get(i).start(), end = spans.get(i + p.length - 1).end();
                if (clause.substring(start, end).equals(phraseTexts.get(k))) return phraseTexts.get(k);
                boolean crossesLeft = start > 0 && SpokenAgentWords.isWord(clause.substring(start - 1, start + 1));
                boolean crossesRight = end < clause.length() && SpokenAgentWords.isWord(clause.substring(end - 1, end + 1));
                if (!crossesLeft && !crossesRight) return String.join(" ", p);
            }
        }
        return null;
    }

    /**
     * The text as the rules and the dialogue-act models read it: misheard agent words put back in writing
     * (人公 → 人工), then the words that name things rather than people (人工关节, 人工智能, 真人认证) and the
     * spans that mention a person without asking for one (不用转人工, 工作人员说…, 找人代办, 人工服务几点)
     * blanked out, so that neither these rules nor a learned model read them as a request for a person.
     */
    public String withoutThings(String normalizedText) {
        String t = spoken == null ? normalizedText : spoken.restore(normalizedText);
        for (String x : exclusions) if (t.contains(x)) t = t.replace(x, "，");
        for (Pattern n : negations) t = n.matcher(t).replaceAll("，");
        return t;
    }

    public boolean isHumanRequest(String normalizedText) {
        return match(normalizedText) != null;
    }

    private String[] syllables(String text) {
        return pinyin.syllables(text).toArray(String[]::new);
    }

    private static int indexOf(String[] text, String[] p, int from) {
        outer:
        for (int i = from; i + p.length <= text.length; i++) {
            for (int j = 0; j < p.length; j++) if (!text[i + j].equals(p[j])) continue outer;
            return i;
        }
        return -1;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> read(String name) {
        return org.openhotline.nlu.lexicon.LexiconFiles.bundled("/org/openhotline/nlu/intent/" + name);
    }
}
