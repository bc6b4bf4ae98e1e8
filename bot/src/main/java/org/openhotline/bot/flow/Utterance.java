package org.openhotline.bot.flow;

import java.util.List;
import java.util.regex.Pattern;
import org.openhotline.nlu.Analysis;

/**
 * What a message inside a flow says about the flow itself: cancel, yes, no, a correction, or a question that
 * belongs to the FAQ rather than to the slot being asked. Read from the NLU intents plus a few closed word
 * lists, since the acts inside a flow are short and few.
 */
final class Utterance {
    private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");
    private static final List<String> CANCEL_WORDS = List.of("算了", "算了吧", "不办了", "取消", "不查了", "不用了", "不弄了",
            "退出", "不要了", "先不办了", "不想办了", "结束");
    private static final List<String> CORRECTION_MARKERS = List.of("不对", "错了", "改成", "改为", "改一下", "应该是", "更正", "修改",
            "写错", "说错", "输错", "填错", "打错", "搞错", "不是这个", "重新填", "换成");
    private static final List<String> QUESTION_WORDS = List.of("怎么", "怎样", "如何", "什么", "哪里", "哪儿", "哪些", "哪个", "多少",
            "多久", "能不能", "可不可以", "可以吗", "是不是", "有没有", "为什么", "为啥", "吗", "呢", "么");
    /** A cancel act inside a long message is usually part of a story (他们取消了我的…), not a request to stop. */
    private static final int CANCEL_MAX_CHARS = 12;

    final Analysis analysis;
    final String original;
    final String normalized;
    /** The normalised text without punctuation or spaces, for whole-message matches. */
    final String bare;

    Utterance(Analysis analysis) {
        this.analysis = analysis;
        this.original = analysis.text().original().strip();
        this.normalized = analysis.text().normalized().strip();
        this.bare = PUNCT.matcher(normalized).replaceAll("");
    }

    boolean cancel() {
        if (CANCEL_WORDS.contains(bare)) return true;
        return analysis.has("cancel") && bare.length() <= CANCEL_MAX_CHARS && !analysis.has("affirm");
    }

    boolean affirm(List<String> yesWords) {
        return yesWords.contains(bare) || analysis.has("affirm") && !analysis.has("deny");
    }

    boolean deny(List<String> noWords) {
        return noWords.contains(bare) || analysis.has("deny");
    }

    boolean correctionMarker() {
        for (String m : CORRECTION_MARKERS) if (normalized.contains(m)) return true;
        return false;
    }

    boolean questionForm() {
        if (normalized.endsWith("?") || normalized.endsWith("？")) return true;
        for (String w : QUESTION_WORDS) if (normalized.contains(w)) return true;
        return false;
    }

    /**
     * The message is meant for something other than the slot: a question, a greeting, thanks, chit-chat,
     * an outburst. While a free-text slot is asked (发生了什么), only a question that is not itself a
     * complaint counts, since a description may well contain a 怎么.
     */
    boolean elsewhere(boolean freeTextSlot) {
        // digits and letters alone (a mistyped ID number, a code) are an attempt at the slot, whatever the
        // purpose model makes of a message without words
        if (normalized.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) return false;
        if (freeTextSlot) return questionForm() && analysis.has("consult") && !analysis.has("complain");
        if (questionForm() || analysis.has("consult")) return true;
        return analysis.has("greeting") || analysis.has("thanks") || analysis.has("goodbye") || analysis.has("chitchat")
                || analysis.has("negative_emotion") || analysis.has("complain") || analysis.has("suggest");
    }

    /** 好的 / 不是 alone: an acknowledgement, not an attempt at the slot, so it is not counted as a failure. */
    boolean bareAct() {
        return bare.length() <= 4 && (analysis.has("affirm") || analysis.has("deny"));
    }

    /** The rest of the message after a slot is named and correction words are skipped: 地址错了，改成 X → X. */
    String after(int index) {
        String rest = original.substring(Math.min(index, original.length()));
        boolean stripped = true;
        while (stripped && !rest.isEmpty()) {
            stripped = false;
            String r = rest.replaceFirst("^[\\p{P}\\p{Z}\\s]+", "");
            if (!r.equals(rest)) {
                rest = r;
                stripped = true;
            }
            for (String w : List.of("不对", "错了", "写错了", "说错了", "填错了", "应该是", "应该", "改成", "改为", "换成", "更正为", "是", "为", "在")) {
                if (rest.startsWith(w)) {
                    rest = rest.substring(w.length());
                    stripped = true;
                }
            }
        }
        return rest.strip();
    }
}
