package org.openhotline.nlu.entity;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * People's names: after the words that introduce one (我叫, 姓名：, 户名, 联系人, 来电人…), a surname with its
 * title (王科长, 李主任, 罗师傅), and HanLP's name recognition where the name stands on its own between
 * punctuation. A name always starts with a known surname; 我姓王 alone names nobody.
 */
public final class PersonRecognizer implements EntityRecognizer {
    private static final String[] STRONG_CUES = {
        "我叫", "名叫", "叫做", "本人姓名", "姓名", "开户名", "户名", "诉求人", "来电人", "联系人", "持卡人", "收款人",
        "申请人", "当事人", "反映人", "投诉人",
    };
    private static final String[] WEAK_CUES = {"我是", "叫"};
    private static final String[] TITLES = {
        "科长", "主任", "师傅", "经理", "处长", "局长", "所长", "站长", "主管", "队长", "书记", "老师", "医生", "律师",
        "警官", "大夫", "部长", "院长", "专员",
    };
    /** Characters that end a given name: particles, pronouns, and the words that follow a name in a form. */
    private static final String NOT_GIVEN = "的了是在有人区县市省这那么吗呢吧啊哦嗯个们不也都就还和与及或电话手机身份证号卡住交要想问我你他她它说打来去姓叫对给到从把被让帮请过上下里今昨后前年日岁同";

    private final Segment ner = HanLP.newSegment().enableNameRecognize(true).enableOffset(true)
            .enablePlaceRecognize(false).enableOrganizationRecognize(false);

    @Override
    public List<Entity> find(ScanText text, LocalDateTime now) {
        List<Entity> out = new ArrayList<>();
        String s = text.text();
        for (String cue : STRONG_CUES) cued(text, cue, true, out);
        for (String cue : WEAK_CUES) cued(text, cue, false, out);
        titled(text, out);
        recognised(text, out);
        return out;
    }

    private void cued(ScanText t, String cue, boolean strong, List<Entity> out) {
        String s = t.text();
        for (int at = s.indexOf(cue); at >= 0; at = s.indexOf(cue, at + cue.length())) {
            int p = at + cue.length();
            while (p < s.length() && p - at - cue.length() < 3 && ":： ".indexOf(s.charAt(p)) >= 0) p++;
            if (!strong && !Surnames.isDistinctive(s, p)) continue;
            int end = nameEnd(t, p);
            if (end < 0) continue;
            boolean boundary = end >= s.length() || !t.isCjk(end);
            if (!strong && !boundary) continue; // 我是周至县的, 我是甘肃的: no name
            out.add(new Entity(EntityType.PERSON, t.original().substring(p, end), p, end, strong ? 0.85 : 0.7));
        }
    }

    /** The end of a name (surname + one or two given-name characters) starting at {@code p}, or -1. */
    private static int nameEnd(ScanText t, int p) {
        String s = t.text();
        int sur = Surnames.surnameLength(s, p);
        if (sur == 0) return -1;
        int end = p + sur;
        while (end < s.length() && end - p - sur < 2 && t.isCjk(end) && NOT_GIVEN.indexOf(s.charAt(end)) < 0) end++;
        return end - p - sur >= 1 ? end : -1;
    }

    private static void titled(ScanText t, List<Entity> out) {
        String s = t.text();
        for (String title : TITLES) {
            for (int at = s.indexOf(title); at >= 0; at = s.indexOf(title, at + 1)) {
                int start = -1;
                if (at >= 2 && Surnames.surnameLength(s, at - 2) == 2) start = at - 2;
                else if (at >= 1 && Surnames.surnameLength(s, at - 1) == 1 && Surnames.isDistinctive(s, at - 1)) start = at - 1;
                if (start < 0) continue;
                // 王科长 but not 老王科长's neighbour words: the surname must begin a word
                if (start > 0 && t.isCjk(start - 1) && Surnames.surnameLength(s, start - 1) > 0 && !"找叫是给和跟问".contains(String.valueOf(s.charAt(start - 1)))) continue;
                out.add(new Entity(EntityType.PERSON, t.original().substring(start, at + title.length()), start, at + title.length(), 0.75));
            }
        }
    }

    /**
     * Whether some position could begin a name {@link #recognised} keeps: a distinctive surname at the
     * start of the text, after a non-CJK character or after 叫/是/名/人. The same conditions are checked again
     * on each recognised name; this only spares segmenting texts where none can hold.
     */
    private static boolean mayStartName(ScanText t) {
        String s = t.text();
        for (int i = 0; i < s.length(); i++) {
            boolean leftOk = i == 0 || !t.isCjk(i - 1) || "叫是名人".indexOf(s.charAt(i - 1)) >= 0;
            if (leftOk && Surnames.surnameLength(s, i) > 0 && Surnames.isDistinctive(s, i)) return true;
        }
        return false;
    }

    private void recognised(ScanText t, List<Entity> out) {
        String s = t.text();
        if (!mayStartName(t)) return; // HanLP's name segmentation is the dearest step of extraction: only when it can count
        for (Term term : ner.seg(s)) {
            String nature = term.nature == null ? "" : term.nature.toString();
            if (!nature.startsWith("nr") || term.word.length() < 2 || term.word.length() > 4) continue;
            int start = term.offset;
            int end = start + term.word.length();
            if (end > s.length() || !s.startsWith(term.word, start)) continue;
            int sur = Surnames.surnameLength(s, start);
            if (sur == 0 || !Surnames.isDistinctive(s, start) || term.word.length() - sur < 1 || term.word.length() - sur > 2) continue;
            boolean clean = true;
            for (int k = start + sur; k < end; k++) clean &= NOT_GIVEN.indexOf(s.charAt(k)) < 0 && t.isCjk(k);
            boolean leftOk = start == 0 || !t.isCjk(start - 1) || "叫是名人".indexOf(s.charAt(start - 1)) >= 0;
            boolean rightOk = end >= s.length() || !t.isCjk(end);
            if (clean && leftOk && rightOk) out.add(new Entity(EntityType.PERSON, t.original().substring(start, end), start, end, 0.6));
        }
    }
}
