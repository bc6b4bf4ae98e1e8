package org.openhotline.nlu.lexicon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.nlu.gazetteer.Gazetteer;
import org.openhotline.nlu.gazetteer.Place;

/**
 * Every word list an editor can change, as one value: custom segmentation words, synonym groups, stopwords,
 * typo corrections and the gazetteer's places. A knowledge-base version is indexed and searched with one
 * such value, so the objects made from it (lexicon, typo dictionary, gazetteer) are built once here.
 */
public final class NluDictionaries {
    private final List<CustomWord> words;
    private final List<List<String>> synonymGroups;
    private final List<String> stopwords;
    private final Map<String, String> typos;
    private final List<Place> places;
    private final DomainLexicon lexicon;
    private final TypoDictionary typoDictionary;
    private final Gazetteer gazetteer;
    private final String fingerprint;

    public NluDictionaries(List<CustomWord> words, List<List<String>> synonymGroups, List<String> stopwords,
                           Map<String, String> typos, List<Place> places) {
        this.words = List.copyOf(words);
        this.synonymGroups = synonymGroups.stream().map(List::copyOf).toList();
        this.stopwords = List.copyOf(stopwords);
        this.typos = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(typos));
        this.places = List.copyOf(places);
        Map<String, String> natures = new LinkedHashMap<>();
        Set<String> wordSet = new LinkedHashSet<>();
        for (CustomWord w : this.words) {
            wordSet.add(w.word());
            if (w.nature() != null) natures.put(w.word(), w.nature());
        }
        this.lexicon = new DomainLexicon(wordSet, natures, this.synonymGroups, new LinkedHashSet<>(this.stopwords));
        this.typoDictionary = new TypoDictionary(this.typos);
        this.gazetteer = new Gazetteer(this.places);
        this.fingerprint = digest(lexicon.fingerprint() + "\u0001" + typoDictionary.fingerprint() + "\u0001" + placesText());
    }

    /** The word lists the product ships, read once. */
    public static NluDictionaries bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final NluDictionaries INSTANCE = load(null);
    }

    /**
     * The bundled lists, with {@code domain-words.txt}, {@code synonyms.txt}, {@code stopwords.txt} and
     * {@code typos.txt} found in {@code dir} (may be null) taking the bundled file's place; the places are
     * the bundled gazetteer's. This is what a database is seeded with, and what versions published before
     * the dictionaries were stored are searched with.
     */
    public static NluDictionaries load(Path dir) {
        List<CustomWord> words = new ArrayList<>();
        for (String line : DomainLexicon.readLines(dir, "domain-words.txt")) words.add(CustomWord.parseLine(line));
        List<List<String>> groups = new ArrayList<>();
        for (String line : DomainLexicon.readLines(dir, "synonyms.txt")) groups.add(DomainLexicon.synonymGroup(line));
        Map<String, String> typos = new LinkedHashMap<>(TypoDictionary.parseOrdered(DomainLexicon.readLines(dir, TypoDictionary.FILE)));
        return new NluDictionaries(words, groups, DomainLexicon.readLines(dir, "stopwords.txt"), typos, Gazetteer.bundled().places());
    }

    public List<CustomWord> words() {
        return words;
    }

    /** Each group's first word is the form indexed and searched. */
    public List<List<String>> synonymGroups() {
        return synonymGroups;
    }

    public List<String> stopwords() {
        return stopwords;
    }

    /** Wrong form → right form, in the order they were written. */
    public Map<String, String> typos() {
        return typos;
    }

    public List<Place> places() {
        return places;
    }

    public DomainLexicon lexicon() {
        return lexicon;
    }

    public TypoDictionary typoDictionary() {
        return typoDictionary;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** Identifies the whole content (places included): two values with the same fingerprint analyse alike. */
    public String fingerprint() {
        return fingerprint;
    }

    private String placesText() {
        StringBuilder sb = new StringBuilder();
        for (Place p : places) sb.append(p.type()).append('\t').append(p.name()).append('\t').append(p.parent()).append('\t').append(p.aliases()).append('\n');
        return sb.toString();
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
