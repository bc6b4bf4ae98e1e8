package org.openhotline.kb.lexicon;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The editable NLU word lists, by the name the database and the admin API use for them. */
public enum DictionaryKind {
    /** A custom segmentation word, with an optional part of speech. */
    WORD,
    /** A synonym group: the head word that is indexed, and the words folded into it. */
    SYNONYM,
    STOPWORD,
    /** A typo correction: wrong form → right form. */
    TYPO,
    /** A gazetteer place: name, type, parent and aliases. */
    PLACE;

    /** Every kind's wire name, comma-separated, for error messages. */
    public static final String NAMES = Arrays.stream(values()).map(DictionaryKind::wireName).collect(Collectors.joining(", "));

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a wire name; IllegalArgumentException names the known ones. */
    public static DictionaryKind fromWire(String name) {
        for (DictionaryKind k : values()) if (k.wireName().equals(name)) return k;
        throw new IllegalArgumentException("unknown dictionary kind '" + name + "'; known: " + NAMES);
    }
}
