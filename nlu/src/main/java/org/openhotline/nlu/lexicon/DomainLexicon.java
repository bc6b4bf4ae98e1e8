package org.openhotline.nlu.lexicon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hotline's own vocabulary: domain words that must stay whole, synonym groups and stopwords.
 * Ships as text files in the jar (one entry a line, '#' starts a comment) so editors can read them.
 */
public final class DomainLexicon {
    private static final String BASE = "/org/openhotline/nlu/lexicon/";

    private final Set<String> domainWords;
    private final Map<String, String> natures;
    private final SynonymTable synonyms;
    private final Set<String> stopwords;

    public DomainLexicon(Set<String> domainWords, List<List<String>> synonymGroups, Set<String> stopwords) {
        this(domainWords, Map.of(), synonymGroups, stopwords);
    }

    /** {@code natures}: the part of speech of some domain words (word → HanLP nature); the others are {@code nz}. */
    public DomainLexicon(Set<String> domainWords, Map<String, String> natures, List<List<String>> synonymGroups, Set<String> stopwords) {
        this.synonyms = new SynonymTable(synonymGroups);
        Set<String> words = new LinkedHashSet<>(domainWords);
        words.addAll(synonyms.words()); // a synonym must segment as one token to be canonicalised
        this.domainWords = Set.copyOf(words);
        this.natures = Map.copyOf(natures);
        this.stopwords = Set.copyOf(stopwords);
    }

    /** The lexicon bundled with the product. */
    public static DomainLexicon bundled() {
        return NluDictionaries.bundled().lexicon();
    }

    /**
     * The bundled lexicon, with each of {@code domain-words.txt}, {@code synonyms.txt} and
     * {@code stopwords.txt} found in {@code dir} taking the bundled file's place, so a bureau can edit
     * its vocabulary without a rebuild. {@code dir} may be null.
     */
    public static DomainLexicon load(Path dir) {
        return NluDictionaries.load(dir).lexicon();
    }

    /** One {@code synonyms.txt} line as a group, head word first. */
    static List<String> synonymGroup(String line) {
        List<String> group = new ArrayList<>();
        for (String w : line.split("[,，\\s]+")) if (!w.isBlank()) group.add(w.trim());
        return group;
    }

    static List<String> readLines(Path dir, String name) {
        return LexiconFiles.overridable(dir, BASE, name);
    }

    static List<String> readLines(String name) {
        return LexiconFiles.bundled(BASE + name);
    }

    /**
     * Identifies this lexicon's content: an index built with another lexicon analysed its text
     * differently and must be rebuilt before it is searched with this one.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeSet<>(domainWords).forEach(w -> sb.append(w).append('\n'));
        sb.append('\u0001');
        new java.util.TreeMap<>(synonyms.mapping()).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append('\u0001');
        new java.util.TreeSet<>(stopwords).forEach(w -> sb.append(w).append('\n'));
        if (!natures.isEmpty()) { // absent before natures existed: the same words keep the same fingerprint
            sb.append('\u0001');
            new java.util.TreeMap<>(natures).forEach((k, v) -> sb.append(k).append('/').append(v).append('\n'));
        }
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Set<String> domainWords() {
        return domainWords;
    }

    /** The part of speech given to some domain words; a word not here is segmented as {@code nz}. */
    public Map<String, String> natures() {
        return natures;
    }

    public SynonymTable synonyms() {
        return synonyms;
    }

    public boolean isStopword(String word) {
        return stopwords.contains(word);
    }

    public Set<String> stopwords() {
        return stopwords;
    }
}
