package org.openhotline.nlu.repair;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.nlu.pinyin.PinyinConverter;

/**
 * Repairs the homophone errors speech recognition makes (一保 → 医保, 养劳 → 养老, 公鸡金 → 公积金)
 * before retrieval: a span that sounds like a knowledge-base word (fuzzy pinyin: zh/z, n/l, -ng) but is
 * not written like it is replaced, longest span first. A span that is itself a common word of the
 * language (HanLP's core dictionary) is left alone, so typed text that is right stays right.
 */
public final class HomophoneRepairer {
    /** Core-dictionary frequency from which a span counts as a real word and is never replaced. */
    static final int REAL_WORD_FREQUENCY = 30;

    private final PinyinConverter pinyin;

    public HomophoneRepairer(PinyinConverter pinyin) {
        this.pinyin = pinyin;
    }

    public Repair repair(String text, RepairVocabulary vocabulary) {
        if (text == null || text.isEmpty() || vocabulary.size() == 0) return new Repair(text == null ? "" : text, text == null ? "" : text, List.of());
        StringBuilder out = new StringBuilder(text.length());
        List<Repair.Change> changes = new ArrayList<>();
        int i = 0;
        outer:
        while (i < text.length()) {
            for (int len = Math.min(RepairVocabulary.MAX_CHARS, text.length() - i); len >= RepairVocabulary.MIN_CHARS; len--) {
                String span = text.substring(i, i + len);
                if (!RepairVocabulary.allHan(span)) continue;
                if (vocabulary.contains(span)) { // already a knowledge-base word: keep it whole
                    out.append(span);
                    i += len;
                    continue outer;
                }
                String key = RepairVocabulary.key(pinyin, span);
                String word = key == null ? null : vocabulary.wordFor(key);
                if (word != null && !isRealWord(span)) {
                    out.append(word);
                    changes.add(new Repair.Change(i, span, word));
                    i += len;
                    continue outer;
                }
            }
            out.append(text.charAt(i));
            i++;
        }
        return new Repair(text, out.toString(), List.copyOf(changes));
    }

    private static boolean isRealWord(String span) {
        return CoreDictionary.getTermFrequency(span) >= REAL_WORD_FREQUENCY;
    }
}
