package org.openhotline.nlu.segment;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Chinese word segmentation through HanLP, with the domain's own words (社保卡, 异地就医, 公积金…)
 * added so that they stay single tokens; otherwise synonyms and pinyin cannot be matched per word.
 * HanLP keeps its user dictionary process-wide, so words added here are seen by every instance.
 */
public final class Segmenter {
    private final Segment segment;

    public Segmenter(Collection<String> domainWords) {
        for (String w : domainWords) {
            if (w != null && w.length() > 1 && !CustomDictionary.contains(w)) {
                CustomDictionary.insert(w, "nz 2000");
            }
        }
        this.segment = HanLP.newSegment()
                .enableCustomDictionary(true)
                .enableOffset(true)
                .enableNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableNumberQuantifierRecognize(false);
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
