package org.openhotline.kb.lexicon;

/** An entry an editor must fix, naming the field at fault so the admin API can say which (400, not a server fault). */
public final class InvalidDictionaryEntry extends IllegalArgumentException {
    private final String field;
    private final String code;

    public InvalidDictionaryEntry(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    /** The JSON field at fault. */
    public String field() {
        return field;
    }

    /** A stable code for programs, e.g. {@code missing_word}, {@code word_too_long}. */
    public String code() {
        return code;
    }
}
