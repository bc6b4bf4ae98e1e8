package org.openhotline.nlu.sensitive;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link SensitiveLexicon} compiled for scanning: one Aho-Corasick automaton over the folded
 * characters (lexicon words and whitelist phrases), one over toneless pinyin syllables (pinyin
 * spellings and homophones) and a table of pinyin initials. Immutable and thread-safe; build a new one
 * to change the words.
 */
public final class SensitiveMatcher {
    /** Reported hits per message are capped so that a pathological message cannot grow the result without bound. */
    public static final int MAX_HITS = 10_000;

    /**
     * Pinyin initials that are everyday latin abbreviations in hotline text; a lexicon word whose initials
     * spell one of these is not matched by initials.
     */
    private static final Set<String> COMMON_ABBREVIATIONS = Set.of(
            "app", "apk", "atm", "cba", "ceo", "cpi", "cpu", "com", "dna", "doc", "ems", "etc", "gdp", "gps",
            "gov", "htm", "jpg", "ktv", "lcd", "led", "mba", "nba", "pdf", "png", "pos", "ppt", "sms", "sos",
            "usb", "vip", "www", "xls", "zip", "txt", "bmp", "gif", "cdc", "cbd", "cctv");

    private record WordKey(int entry, boolean whitelist, boolean latinStart, boolean latinEnd) {}

    private record SyllableKey(int entry, int syllables, String folded) {}

    private final LexiconEntry[] entries;
    private final AhoCorasickDoubleArrayTrie<WordKey> words;
    private final AhoCorasickDoubleArrayTrie<SyllableKey> syllables;
    private final Map<String, Integer> initials;
    private final CharFolding folding = CharFolding.get();

    public SensitiveMatcher(SensitiveLexicon lexicon) {
        List<LexiconEntry> list = lexicon.entries();
        entries = list.toArray(new LexiconEntry[0]);
        TreeMap<String, WordKey> wordKeys = new TreeMap<>();
        TreeMap<String, SyllableKey> syllableKeys = new TreeMap<>();
        Map<String, Integer> initialKeys = new HashMap<>();
        for (String phrase : lexicon.whitelist()) {
            String f = folding.foldWord(phrase);
            if (!f.isEmpty()) wordKeys.put(f, new WordKey(-1, true, false, false));
        }
        for (int i = 0; i < entries.length; i++) {
            LexiconEntry e = entries[i];
            String f = folding.foldWord(e.word());
            if (f.length() < 2 || wordKeys.containsKey(f)) continue; // whitelisted or already listed (first category wins)
            wordKeys.put(f, new WordKey(i, false, Skeleton.isAlnum(f.charAt(0)), Skeleton.isAlnum(f.charAt(f.length() - 1))));
            if (e.sound() == LexiconEntry.Sound.LITERAL) continue;
            for (String key : syllableKeys(f, e.word())) {
                syllableKeys.putIfAbsent(key, new SyllableKey(i, key.length(), f));
                if (key.length() >= 3) {
                    StringBuilder ini = new StringBuilder();
                    for (int k = 0; k < key.length(); k++) ini.append(folding.syllableName(key.charAt(k) - SyllableStream.BASE).charAt(0));
                    String in = ini.toString();
                    if (!COMMON_ABBREVIATIONS.contains(in)) initialKeys.putIfAbsent(in, i);
                }
            }
        }
        words = build(wordKeys);
        syllables = build(syllableKeys);
        initials = Map.copyOf(initialKeys);
    }

    private static <V> AhoCorasickDoubleArrayTrie<V> build(TreeMap<String, V> keys) {
        if (keys.isEmpty()) return null;
        AhoCorasickDoubleArrayTrie<V> t = new AhoCorasickDoubleArrayTrie<>();
        t.build(keys);
        return t;
    }

    /**
     * The syllable keys of a folded word: its per-character reading (what message text is read with) and,
     * when different, HanLP's reading in context, so "chongqing" meets 重庆. Empty if any part is not pinyin.
     */
    private List<String> syllableKeys(String folded, String word) {
        List<String> keys = new ArrayList<>(2);
        StringBuilder perChar = new StringBuilder();
        boolean allChinese = true;
        for (int i = 0; i < folded.length(); ) {
            char c = folded.charAt(i);
            if (c >= 'a' && c <= 'z') {
                allChinese = false;
                int j = i + 1;
                while (j < folded.length() && folded.charAt(j) >= 'a' && folded.charAt(j) <= 'z') j++;
                int[][] split = LatinPinyin.split(folding, folded, i, j);
                if (split == null) return keys;
                for (int id : split[0]) perChar.append((char) (id + SyllableStream.BASE));
                i = j;
                continue;
            }
            short id = folding.syllable(c);
            if (id == CharFolding.NO_SYLLABLE) return keys;
            perChar.append((char) (id + SyllableStream.BASE));
            i++;
        }
        if (perChar.length() < 2) return keys;
        keys.add(perChar.toString());
        if (allChinese) {
            List<Pinyin> ctx = HanLP.convertToPinyinList(folded);
            StringBuilder sb = new StringBuilder();
            for (Pinyin p : ctx) {
                short id = p == Pinyin.none5 ? CharFolding.NO_SYLLABLE : folding.syllableId(p.getPinyinWithoutTone());
                if (id == CharFolding.NO_SYLLABLE) return keys;
                sb.append((char) (id + SyllableStream.BASE));
            }
            if (sb.length() == perChar.length() && !sb.toString().contentEquals(perChar)) keys.add(sb.toString());
        }
        return keys;
    }

    /** A lexicon hit before the policy is applied. */
    record Match(LexiconEntry entry, int start, int end, MatchMode mode) {}

    /** All lexicon words in {@code text}, outside whitelisted phrases, with original offsets. */
    public List<SensitiveHit> find(String text) {
        List<SensitiveHit> out = new ArrayList<>();
        for (Match m : match(text)) out.add(new SensitiveHit(m.entry.category(), m.entry.word(), m.start, m.end, m.mode, Action.FLAG));
        return out;
    }

    List<Match> match(String text) {
        if (text == null || text.isEmpty() || entries.length == 0) return List.of();
        Skeleton sk = Skeleton.of(text, folding);
        if (sk.length == 0) return List.of();
        // [skStart, skEnd, entry, mode] per raw hit; whitelist spans separately
        List<int[]> raw = new ArrayList<>();
        List<int[]> white = new ArrayList<>();
        char[] chars = sk.length == sk.chars.length ? sk.chars : java.util.Arrays.copyOf(sk.chars, sk.length);
        if (words != null) {
            words.parseText(chars, (begin, end, key) -> {
                if (key.whitelist) {
                    white.add(new int[] {begin, end});
                    return;
                }
                if (key.latinStart && !sk.wordStartsAt(begin)) return;
                if (key.latinEnd && !sk.wordEndsAt(end)) return;
                if (raw.size() < MAX_HITS) raw.add(new int[] {begin, end, key.entry, MatchMode.EXACT.ordinal()});
            });
        }
        SyllableStream ss = SyllableStream.of(sk, folding, initials.isEmpty() ? null : (from, to) -> {
            if (to - from < 3 || to - from > 8) return;
            Integer e = initials.get(new String(chars, from, to - from));
            if (e != null && raw.size() < MAX_HITS) raw.add(new int[] {from, to, e, MatchMode.INITIALS.ordinal()});
        });
        if (syllables != null && ss.length > 1) {
            char[] sc = ss.length == ss.chars.length ? ss.chars : java.util.Arrays.copyOf(ss.chars, ss.length);
            syllables.parseText(sc, (begin, end, key) -> {
                int last = end - 1;
                if (ss.latin[begin] && !ss.runFirst[begin]) return;
                if (ss.latin[last] && !ss.runLast[last]) return;
                boolean allLatin = true;
                for (int k = begin; k <= last && allLatin; k++) allLatin = ss.latin[k];
                int a = ss.skFrom[begin], b = ss.skTo[last];
                LexiconEntry e = entries[key.entry];
                if (!allLatin) {
                    if (key.syllables < 3 && !e.homophoneProne()) return;
                    if (key.folded.length() == b - a && key.folded.contentEquals(java.nio.CharBuffer.wrap(chars, a, b - a))) return; // the exact automaton has it
                }
                if (raw.size() < MAX_HITS) raw.add(new int[] {a, b, key.entry, (allLatin ? MatchMode.PINYIN : MatchMode.HOMOPHONE).ordinal()});
            });
        }
        if (raw.isEmpty()) return List.of();
        return resolve(raw, white, sk);
    }

    /** Drops hits inside whitelisted phrases and hits nested in a longer hit of the same category; linear after sorting. */
    private List<Match> resolve(List<int[]> raw, List<int[]> white, Skeleton sk) {
        // longest first at each start, exact before derived forms
        raw.sort(Comparator.<int[]>comparingInt(h -> h[0]).thenComparingInt(h -> -h[1]).thenComparingInt(h -> h[3]));
        white.sort(Comparator.comparingInt(w -> w[0]));
        int[] maxEnd = new int[Category.values().length];
        int wi = 0, whiteEnd = -1;
        List<Match> out = new ArrayList<>(raw.size());
        MatchMode[] modes = MatchMode.values();
        for (int[] h : raw) {
            while (wi < white.size() && white.get(wi)[0] <= h[0]) whiteEnd = Math.max(whiteEnd, white.get(wi++)[1]);
            if (h[1] <= whiteEnd) continue; // inside a whitelisted phrase that starts at or before it
            int cat = entries[h[2]].category().ordinal();
            if (h[1] <= maxEnd[cat]) continue; // inside a longer (or equal, earlier-sorted) hit of the same category
            maxEnd[cat] = h[1];
            out.add(new Match(entries[h[2]], sk.from[h[0]], sk.to[h[1] - 1], modes[h[3]]));
        }
        return out;
    }

    public int size() {
        return entries.length;
    }
}
