package org.openhotline.kb.lexicon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openhotline.nlu.gazetteer.PlaceType;
import org.openhotline.nlu.segment.Segmenter;

/**
 * One row of an editable NLU dictionary, in the database's shape: {@code term} is the word, a synonym group's
 * head, a typo's wrong form or a place's name; {@code detail} a word's part of speech, a typo's right form or
 * a place's type; {@code parent} a place's parent; {@code variants} a group's other words or a place's aliases.
 * The factories check what an editor sent and say which field is wrong; {@code id} is 0 until stored.
 */
public record DictionaryEntry(long id, DictionaryKind kind, String term, String detail, String parent, List<String> variants) {
    /** Longest word, name or form, in characters. */
    public static final int MAX_TERM = 50;
    /** Most variants of a synonym group or aliases of a place. */
    public static final int MAX_VARIANTS = 50;

    public DictionaryEntry {
        parent = parent == null ? "" : parent;
        variants = List.copyOf(variants);
    }

    /** A custom segmentation word; {@code nature} (HanLP part of speech such as nz, ns, n) may be null. */
    public static DictionaryEntry word(String word, String nature) {
        String w = term("word", word);
        if (w.length() < 2) throw new InvalidDictionaryEntry("word", "word_too_short", "field 'word' needs at least 2 characters: one character is a token already");
        String n = nature == null || nature.isBlank() ? null : nature.strip();
        if (n != null && !Segmenter.isKnownNature(n)) {
            throw new InvalidDictionaryEntry("nature", "bad_nature", "field 'nature' is not a HanLP part of speech (e.g. nz, n, ns, nt, v, vn)");
        }
        return new DictionaryEntry(0, DictionaryKind.WORD, w, n, "", List.of());
    }

    /** A synonym group: {@code canonical} is indexed and searched, each variant is folded into it. */
    public static DictionaryEntry synonym(String canonical, List<String> variants) {
        String head = term("canonical", canonical);
        List<String> vs = terms("variants", variants);
        if (vs.isEmpty()) throw new InvalidDictionaryEntry("variants", "empty_variants", "field 'variants' needs at least one word besides 'canonical'");
        if (vs.contains(head)) throw new InvalidDictionaryEntry("variants", "bad_variants", "field 'variants' repeats the 'canonical' word '" + head + "'");
        return new DictionaryEntry(0, DictionaryKind.SYNONYM, head, null, "", vs);
    }

    public static DictionaryEntry stopword(String word) {
        return new DictionaryEntry(0, DictionaryKind.STOPWORD, term("word", word), null, "", List.of());
    }

    /** A typo citizens make and its correct form; corrected before search and before indexing. */
    public static DictionaryEntry typo(String wrong, String right) {
        String w = term("wrong", wrong);
        String r = term("right", right);
        if (w.equals(r)) throw new InvalidDictionaryEntry("right", "bad_right", "field 'right' equals field 'wrong'");
        return new DictionaryEntry(0, DictionaryKind.TYPO, w, r, "", List.of());
    }

    /** A gazetteer place; a district or street needs its parent, a city's parent (its province) may be empty. */
    public static DictionaryEntry place(String type, String name, String parent, List<String> aliases) {
        if (type == null) throw new InvalidDictionaryEntry("type", "missing_type", "field 'type' is required: city, district or street");
        PlaceType t;
        try {
            t = PlaceType.parse(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidDictionaryEntry("type", "bad_type", "field 'type' must be city, district or street");
        }
        String n = term("name", name);
        String p = parent == null || parent.isBlank() ? "" : term("parent", parent);
        if (p.isEmpty() && t != PlaceType.CITY) {
            throw new InvalidDictionaryEntry("parent", "missing_parent", "field 'parent' is required for a " + t.wireName() + " (the place it belongs to)");
        }
        List<String> as = terms("aliases", aliases == null ? List.of() : aliases);
        if (as.contains(n)) throw new InvalidDictionaryEntry("aliases", "bad_aliases", "field 'aliases' repeats the 'name' '" + n + "'");
        return new DictionaryEntry(0, DictionaryKind.PLACE, n, t.wireName(), p, as);
    }

    /** This entry as stored under {@code id}. */
    public DictionaryEntry withId(long id) {
        return new DictionaryEntry(id, kind, term, detail, parent, variants);
    }

    /** Whether {@code q} occurs in any of its words (case-insensitive for latin letters). */
    public boolean mentions(String q) {
        String needle = q.toLowerCase(Locale.ROOT);
        if (term.toLowerCase(Locale.ROOT).contains(needle) || parent.toLowerCase(Locale.ROOT).contains(needle)) return true;
        if (detail != null && detail.toLowerCase(Locale.ROOT).contains(needle)) return true;
        for (String v : variants) if (v.toLowerCase(Locale.ROOT).contains(needle)) return true;
        return false;
    }

    private static String term(String field, String value) {
        if (value == null) throw new InvalidDictionaryEntry(field, "missing_" + field, "field '" + field + "' is required");
        String v = value.strip();
        if (v.isEmpty()) throw new InvalidDictionaryEntry(field, "empty_" + field, "field '" + field + "' is empty");
        if (v.codePointCount(0, v.length()) > MAX_TERM) {
            throw new InvalidDictionaryEntry(field, field + "_too_long", "field '" + field + "' is longer than " + MAX_TERM + " characters");
        }
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            i += Character.charCount(cp);
            // the word lists are also written as text files, one entry a line, words split at commas and spaces
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp) || cp == ',' || cp == '，'
                    || Character.getType(cp) == Character.FORMAT) {
                throw new InvalidDictionaryEntry(field, "bad_" + field, "field '" + field + "' must be one word: no spaces, commas or control characters");
            }
        }
        return v;
    }

    private static List<String> terms(String field, List<String> values) {
        if (values == null) throw new InvalidDictionaryEntry(field, "missing_" + field, "field '" + field + "' is required");
        if (values.size() > MAX_VARIANTS) {
            throw new InvalidDictionaryEntry(field, "too_many_" + field, "field '" + field + "' has more than " + MAX_VARIANTS + " words");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            String t = term(field, v);
            if (!seen.add(t)) throw new InvalidDictionaryEntry(field, "bad_" + field, "field '" + field + "' lists '" + t + "' twice");
            out.add(t);
        }
        return out;
    }
}
