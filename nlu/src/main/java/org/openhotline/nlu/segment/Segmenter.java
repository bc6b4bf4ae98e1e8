package org.openhotline.nlu.segment;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Chinese word segmentation through HanLP, with the domain's own words (社保卡, 异地就医, 公积金…)
 * added so that they stay single tokens; otherwise synonyms and pinyin cannot be matched per word.
 * Each segmenter keeps its words in a user dictionary of its own (over HanLP's shared main one), so
 * segmenters built from two versions of the dictionaries never see each other's words: a word an
 * editor removes stops being kept whole by the segmenter built without it.
 */
public final class Segmenter {
    private static final String DEFAULT_NATURE = "nz";
    private static final int FREQUENCY = 2000;

    private final Segment segment;

    public Segmenter(Collection<String> domainWords) {
        this(domainWords, Map.of());
    }

    /** {@code natures}: word → HanLP part of speech for some of the words ({@link #isKnownNature}); the rest are {@code nz}. */
    public Segmenter(Collection<String> domainWords, Map<String, String> natures) {
        DynamicCustomDictionary shared = CustomDictionary.DEFAULT;
        DynamicCustomDictionary own = new DynamicCustomDictionary(shared.dat, new BinTrie<CoreDictionary.Attribute>(), shared.path);
        for (String w : domainWords) {
            // a word HanLP's dictionary already has is left as it is: changing it would change the shared dictionary
            if (w != null && w.length() > 1 && shared.dat.exactMatchSearch(w) < 0) {
                String nature = natures.getOrDefault(w, DEFAULT_NATURE);
                own.insert(w, (isKnownNature(nature) ? nature : DEFAULT_NATURE) + " " + FREQUENCY);
            }
        }
        this.segment = HanLP.newSegment()
                .enableCustomDictionary(own)
                .enableOffset(true)
                .enableNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableNumberQuantifierRecognize(false);
    }

    /** Whether HanLP knows this part-of-speech tag (n, nz, ns, nt, v, vn…); an unknown one would be invented silently. */
    public static boolean isKnownNature(String nature) {
        return nature != null && !nature.isBlank() && Nature.fromString(nature) != null;
    }

    public List<Token> segment(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        for (Term t : segment.seg(text)) { // HanLP segments are thread-safe once configured
            if (t.word.isBlank()) continue;
            String nature = t.nature == null ? "x" : t.nature.toString();
            out.add(new Token(t.word, t.offset, t.offset + t.word.length(), nature));
        }
        return out;
    }
}
