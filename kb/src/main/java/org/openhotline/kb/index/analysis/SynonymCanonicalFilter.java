package org.openhotline.kb.index.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openhotline.nlu.lexicon.SynonymTable;

/** Replaces each synonym with its group's head word, at index and query time alike. */
public final class SynonymCanonicalFilter extends TokenFilter {
    private final SynonymTable synonyms;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public SynonymCanonicalFilter(TokenStream in, SynonymTable synonyms) {
        super(in);
        this.synonyms = synonyms;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) return false;
        String word = term.toString();
        String head = synonyms.canonical(word);
        if (!head.equals(word)) term.setEmpty().append(head);
        return true;
    }
}
