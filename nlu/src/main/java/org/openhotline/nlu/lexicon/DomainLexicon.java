package org.openhotline.nlu.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The hotline's own vocabulary: domain words that must stay whole, synonym groups and stopwords.
 * Ships as text files in the jar (one entry a line, '#' starts a comment) so editors can read them.
 */
public final class DomainLexicon {
    private static final String BASE = "/org/openhotline/nlu/lexicon/";

    private final Set<String> domainWords;
    private final SynonymTable synonyms;
    private final Set<String> stopwords;

    public DomainLexicon(Set<String> domainWords, List<List<String>> synonymGroups, Set<String> stopwords) {
        this.synonyms = new SynonymTable(synonymGroups);
        Set<String> words = new LinkedHashSet<>(domainWords);
        words.addAll(synonyms.words()); // a synonym must segment as one token to be canonicalised
        this.domainWords = Set.copyOf(words);
        this.stopwords = Set.copyOf(stopwords);
    }

    /** The lexicon bundled with the product. */
    public static DomainLexicon bundled() {
        Set<String> words = new LinkedHashSet<>(readLines("domain-words.txt"));
        List<List<String>> groups = new ArrayList<>();
        for (String line : readLines("synonyms.txt")) {
            List<String> group = new ArrayList<>();
            for (String w : line.split("[,，\\s]+")) if (!w.isBlank()) group.add(w.trim());
            groups.add(group);
        }
        return new DomainLexicon(words, groups, new LinkedHashSet<>(readLines("stopwords.txt")));
    }

    static List<String> readLines(String name) {
        try (InputStream in = DomainLexicon.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("missing bundled lexicon file " + name);
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

    public Set<String> domainWords() {
        return domainWords;
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
