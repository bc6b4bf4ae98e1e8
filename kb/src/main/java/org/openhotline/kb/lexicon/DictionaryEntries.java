package org.openhotline.kb.lexicon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.openhotline.nlu.gazetteer.Place;
import org.openhotline.nlu.gazetteer.PlaceType;
import org.openhotline.nlu.lexicon.CustomWord;
import org.openhotline.nlu.lexicon.NluDictionaries;

/** Converts between the stored rows and the {@link NluDictionaries} the NLU and the index are built from. */
public final class DictionaryEntries {
    private DictionaryEntries() {}

    /**
     * The rows that describe {@code d}, one per word, group, stopword, typo and place, taken as they are
     * (the shipped files are trusted); an entry repeated in a file is stored once, a repeated synonym head
     * gets the variants of both lines.
     */
    public static List<DictionaryEntry> of(NluDictionaries d) {
        Map<String, DictionaryEntry> rows = new LinkedHashMap<>();
        for (CustomWord w : d.words()) rows.putIfAbsent(key(DictionaryKind.WORD, w.word(), ""), raw(DictionaryKind.WORD, w.word(), w.nature(), "", List.of()));
        for (List<String> group : d.synonymGroups()) {
            if (group.size() < 2) continue; // a group of one folds nothing
            String k = key(DictionaryKind.SYNONYM, group.get(0), "");
            LinkedHashSet<String> variants = new LinkedHashSet<>(group.subList(1, group.size()));
            DictionaryEntry earlier = rows.get(k);
            if (earlier != null) {
                LinkedHashSet<String> merged = new LinkedHashSet<>(earlier.variants());
                merged.addAll(variants);
                variants = merged;
            }
            variants.remove(group.get(0));
            rows.put(k, raw(DictionaryKind.SYNONYM, group.get(0), null, "", List.copyOf(variants)));
        }
        for (String s : d.stopwords()) rows.putIfAbsent(key(DictionaryKind.STOPWORD, s, ""), raw(DictionaryKind.STOPWORD, s, null, "", List.of()));
        d.typos().forEach((wrong, right) -> rows.putIfAbsent(key(DictionaryKind.TYPO, wrong, ""), raw(DictionaryKind.TYPO, wrong, right, "", List.of())));
        for (Place p : d.places()) {
            rows.putIfAbsent(key(DictionaryKind.PLACE, p.name(), p.parent()), raw(DictionaryKind.PLACE, p.name(), p.type().wireName(), p.parent(), p.aliases()));
        }
        return new ArrayList<>(rows.values());
    }

    /** The dictionaries the rows describe, each kind in the rows' order. */
    public static NluDictionaries toNlu(List<DictionaryEntry> entries) {
        List<CustomWord> words = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        List<String> stopwords = new ArrayList<>();
        Map<String, String> typos = new LinkedHashMap<>();
        List<Place> places = new ArrayList<>();
        for (DictionaryEntry e : entries) {
            switch (e.kind()) {
                case WORD -> words.add(new CustomWord(e.term(), e.detail()));
                case SYNONYM -> {
                    List<String> group = new ArrayList<>();
                    group.add(e.term());
                    group.addAll(e.variants());
                    groups.add(group);
                }
                case STOPWORD -> stopwords.add(e.term());
                case TYPO -> typos.put(e.term(), e.detail());
                case PLACE -> places.add(new Place(PlaceType.parse(e.detail()), e.term(), e.parent(), e.variants()));
            }
        }
        return new NluDictionaries(words, groups, stopwords, typos, places);
    }

    /** An entry as stored, not checked: rows read back and shipped files. */
    static DictionaryEntry raw(DictionaryKind kind, String term, String detail, String parent, List<String> variants) {
        return new DictionaryEntry(0, kind, term, detail, parent, variants);
    }

    private static String key(DictionaryKind kind, String term, String parent) {
        return kind + "\u0001" + term + "\u0001" + parent;
    }
}
