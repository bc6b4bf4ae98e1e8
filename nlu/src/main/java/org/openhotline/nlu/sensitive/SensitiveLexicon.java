package org.openhotline.nlu.sensitive;

import org.openhotline.nlu.lexicon.LexiconFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sensitive words by category and the whitelist of legitimate phrases that contain some of them.
 * Plain data, built from (word, category) pairs at runtime or read from the shipped files (one per
 * category, one word a line, '#' comments, a leading '~' or '=' sets {@link LexiconEntry.Sound}); an edited
 * lexicon is compiled into a new {@link SensitiveMatcher} and swapped in whole.
 */
public final class SensitiveLexicon {
    static final String BASE = "/org/openhotline/nlu/sensitive/";
    public static final String WHITELIST_FILE = "whitelist.txt";

    private final List<LexiconEntry> entries;
    private final Set<String> whitelist;

    public SensitiveLexicon(List<LexiconEntry> entries, Set<String> whitelist) {
        // one entry per word: the first one given wins
        Map<String, LexiconEntry> byWord = new LinkedHashMap<>();
        for (LexiconEntry e : entries) byWord.putIfAbsent(e.word(), e);
        this.entries = List.copyOf(byWord.values());
        Set<String> w = new LinkedHashSet<>();
        for (String s : whitelist) if (!s.isBlank()) w.add(s.strip());
        this.whitelist = Set.copyOf(w);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The lexicon shipped in the jar. */
    public static SensitiveLexicon bundled() {
        return load(null);
    }

    /**
     * The shipped lexicon with each category file (e.g. {@code politics.txt}) and {@code whitelist.txt}
     * found in {@code dir} taking the shipped file's place. {@code dir} may be null.
     */
    public static SensitiveLexicon load(Path dir) {
        Builder b = builder();
        for (Category c : Category.values()) {
            for (String line : readLines(dir, c.fileName())) if (line.length() > 1 || "~=".indexOf(line.charAt(0)) < 0) b.add(LexiconEntry.parse(line, c));
        }
        readLines(dir, WHITELIST_FILE).forEach(b::whitelist);
        return b.build();
    }

    static List<String> readLines(Path dir, String name) {
        return LexiconFiles.overridable(dir, BASE, name);
    }

    /** Lines of a lexicon file: stripped, without BOM, blank lines and '#' comments. */
    static List<String> parse(List<String> lines) {
        return LexiconFiles.clean(lines);
    }

    public List<LexiconEntry> entries() {
        return entries;
    }

    public Set<String> whitelist() {
        return whitelist;
    }

    public int size() {
        return entries.size();
    }

    /** How many words each category has. */
    public Map<Category, Integer> sizes() {
        Map<Category, Integer> m = new LinkedHashMap<>();
        for (Category c : Category.values()) m.put(c, 0);
        for (LexiconEntry e : entries) m.merge(e.category(), 1, Integer::sum);
        return m;
    }

    /** Collects entries and whitelist phrases; {@link #build} freezes them. */
    public static final class Builder {
        private final List<LexiconEntry> entries = new ArrayList<>();
        private final Set<String> whitelist = new LinkedHashSet<>();

        public Builder add(String word, Category category) {
            return add(new LexiconEntry(word, category));
        }

        public Builder addHomophoneProne(String word, Category category) {
            return add(new LexiconEntry(word, category, LexiconEntry.Sound.HOMOPHONE_PRONE));
        }

        /** A word matched only by its characters, never by its sound. */
        public Builder addLiteral(String word, Category category) {
            return add(new LexiconEntry(word, category, LexiconEntry.Sound.LITERAL));
        }

        public Builder add(LexiconEntry entry) {
            entries.add(entry);
            return this;
        }

        public Builder addAll(SensitiveLexicon other) {
            entries.addAll(other.entries);
            whitelist.addAll(other.whitelist);
            return this;
        }

        public Builder whitelist(String phrase) {
            whitelist.add(phrase);
            return this;
        }

        public SensitiveLexicon build() {
            return new SensitiveLexicon(entries, whitelist);
        }
    }
}
