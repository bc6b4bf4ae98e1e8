package org.openhotline.nlu.lexicon;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Domain typos citizens make (公基金, 社宝卡, 身分证) and their correct forms, so that a misspelt question
 * still finds its answer. Ships as {@code typos.txt} ({@code wrong<TAB>right} lines) beside the other lexicon files.
 */
public final class TypoDictionary {
    static final String FILE = "typos.txt";

    private final Map<String, String> corrections;
    private final int maxWrongLength;
    /**
     * For each char, bit {@code len} set when some wrong form of that length starts with it, so a position
     * is looked up only for lengths that can match (the substrings built for every length at every position
     * were most of the allocation of a whole analysis).
     */
    private final long[] lengthsByFirstChar = new long[Character.MAX_VALUE + 1];

    public TypoDictionary(Map<String, String> corrections) {
        Map<String, String> copy = new HashMap<>();
        int max = 0;
        for (Map.Entry<String, String> e : corrections.entrySet()) {
            String wrong = e.getKey();
            String right = e.getValue();
            if (wrong == null || right == null || wrong.isEmpty() || wrong.equals(right)) continue;
            copy.put(wrong, right);
            max = Math.max(max, wrong.length());
        }
        this.corrections = Map.copyOf(copy);
        this.maxWrongLength = max;
        for (String wrong : copy.keySet()) lengthsByFirstChar[wrong.charAt(0)] |= lengthBit(wrong.length());
    }

    /** The dictionary bundled with the product, read once. */
    public static TypoDictionary bundled() {
        return NluDictionaries.bundled().typoDictionary();
    }

    /** The bundled dictionary, or {@code typos.txt} in {@code dir} when there is one; {@code dir} may be null. */
    public static TypoDictionary load(Path dir) {
        return parse(DomainLexicon.readLines(dir, FILE));
    }

    /** Reads {@code wrong<TAB>right} lines; a line without a tab is a mistake in the file and is reported. */
    public static TypoDictionary parse(List<String> lines) {
        return new TypoDictionary(parseOrdered(lines));
    }

    /** The corrections of {@code wrong<TAB>right} lines in the order written (a later line for the same wrong form wins). */
    static Map<String, String> parseOrdered(List<String> lines) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split("\t");
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("typo line is not wrong<TAB>right: " + line);
            }
            map.put(parts[0].strip(), parts[1].strip());
        }
        return map;
    }

    /**
     * Identifies the corrections: questions are corrected before they are indexed, so an index built
     * under other corrections must be rebuilt.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(corrections).forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text with every known typo replaced, the longest wrong form at each position first. */
    public String correct(String text) {
        return correct(text, false);
    }

    /**
     * Like {@link #correct(String)} but only where the correction has the wrong form's length, so that
     * offsets into the text stay valid (entity extraction reports offsets into what the citizen wrote).
     */
    public String correctKeepingLength(String text) {
        return correct(text, true);
    }

    private String correct(String text, boolean sameLengthOnly) {
        if (text == null || text.isEmpty() || corrections.isEmpty()) return text == null ? "" : text;
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); ) {
            String right = null;
            int len = Math.min(maxWrongLength, text.length() - i);
            long lengths = lengthsByFirstChar[text.charAt(i)];
            for (; len >= 1; len--) {
                if ((lengths & lengthBit(len)) == 0) continue;
                right = corrections.get(text.substring(i, i + len));
                if (right != null && (!sameLengthOnly || right.length() == len)) break;
                right = null;
            }
            if (right == null) {
                i++;
                continue;
            }
            if (out == null) out = new StringBuilder(text.length() + 8);
            out.append(text, copied, i).append(right);
            i += len;
            copied = i;
        }
        if (out == null) return text;
        return out.append(text, copied, text.length()).toString();
    }

    /** The bit of a length; lengths of 63 and more share the top bit, which then only means "look it up". */
    private static long lengthBit(int length) {
        return 1L << Math.min(length, 63);
    }

    public Map<String, String> corrections() {
        return corrections;
    }
}
