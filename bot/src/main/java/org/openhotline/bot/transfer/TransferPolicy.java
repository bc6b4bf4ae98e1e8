package org.openhotline.bot.transfer;

import java.util.Optional;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.intent.HumanRequestDetector;
import org.openhotline.nlu.intent.IntentNames;

/**
 * Decides when a conversation should go to a person. Split in two because the signals arrive at two
 * moments: what the message says (asked for a person, angry, abusive, an always-human intent) is known
 * before the bot searches; whether the bot helped (fallback streak, same question again, a rejected
 * clarify, an answer called useless) is known only after.
 */
public final class TransferPolicy {
    private final TransferSettings settings;
    private final HumanRequestDetector humanRequests;

    public TransferPolicy(TransferSettings settings, HumanRequestDetector humanRequests) {
        this.settings = settings;
        this.humanRequests = humanRequests;
    }

    public TransferSettings settings() {
        return settings;
    }

    /** Signals in the message itself; checked first, at every step of a flow too. */
    public Optional<TransferDecision> beforeAnswer(Analysis analysis, ConversationSession session, boolean abusive) {
        String text = analysis.text().normalized();
        if (settings.keyword()) {
            String phrase = humanRequests.match(text);
            if (phrase != null) return Optional.of(TransferDecision.transfer(TransferReason.KEYWORD, phrase));
        }
        if (abusive && settings.abuseStrikes() > 0 && session.abuseStrikes() >= settings.abuseStrikes()) {
            return Optional.of(TransferDecision.transfer(TransferReason.ABUSE, session.abuseStrikes() + " abusive messages"));
        }
        // abuse is governed by its own strikes (a warning first), not by the anger it also shows
        // inside a task flow anger is often the content (a complaint being described), not a verdict on the bot
        if (settings.negativeEmotion() && !abusive && session.flowState() == null && analysis.has(IntentNames.NEGATIVE_EMOTION)) {
            return Optional.of(TransferDecision.transfer(TransferReason.NEGATIVE_EMOTION, "negative_emotion intent"));
        }
        for (String intent : settings.intents()) {
            if (analysis.has(intent)) return Optional.of(TransferDecision.transfer(TransferReason.INTENT, intent));
        }
        if (session.humanOffered() != null && accepts(analysis)) {
            return Optional.of(TransferDecision.transfer(TransferReason.fromWire(session.humanOffered()), "accepted the offer of a person"));
        }
        return Optional.empty();
    }

    /**
     * The classifier's ask_human without any request phrase is a weaker signal (员工/职工 in a question about
     * benefits can look like staff): it transfers only when the bot has no confident answer to give instead.
     */
    public Optional<TransferDecision> askedWithoutPhrase(Analysis analysis, ReplyType now) {
        if (settings.keyword() && now != ReplyType.ANSWER && analysis.has(IntentNames.ASK_HUMAN)) {
            return Optional.of(TransferDecision.transfer(TransferReason.KEYWORD, "ask_human intent"));
        }
        return Optional.empty();
    }

    /**
     * Signals in how the FAQ went. {@code previous} is the type of the bot's last reply in this session;
     * {@code top} the best candidate now (may be null).
     */
    public Optional<TransferDecision> afterAnswer(Analysis analysis, ConversationSession session, ReplyType previous,
                                                  ReplyType now, Candidate top) {
        if (top != null && now != ReplyType.FALLBACK) {
            for (String cat : settings.categories()) {
                if (top.entry().topCategory().equals(cat) || top.entry().category().equals(cat)) {
                    return Optional.of(TransferDecision.transfer(TransferReason.INTENT, "category " + cat));
                }
            }
        }
        boolean rejects = rejects(analysis);
        if (settings.guided() && previous == ReplyType.CLARIFY && rejects) {
            return Optional.of(TransferDecision.offer(TransferReason.GUIDED, "rejected the options offered"));
        }
        if (settings.lowSatisfaction() && previous == ReplyType.ANSWER && rejects && now != ReplyType.ANSWER) {
            return Optional.of(TransferDecision.offer(TransferReason.LOW_SATISFACTION, "said the answer did not help"));
        }
        if (settings.repeatedQuestion() && previous == ReplyType.ANSWER && now == ReplyType.ANSWER && top != null
                && top.entry().id().equals(session.lastAnsweredEntry())
                && similar(analysis.text().normalized(), session.lastAnsweredQuery())) {
            return Optional.of(TransferDecision.offer(TransferReason.REPEATED_QUESTION, "asked " + top.entry().id() + " again"));
        }
        if (settings.unknownStreak() > 0 && now == ReplyType.FALLBACK && session.fallbackStreak() + 1 >= settings.unknownStreak()) {
            return Optional.of(TransferDecision.transfer(TransferReason.UNKNOWN_STREAK, (session.fallbackStreak() + 1) + " fallbacks in a row"));
        }
        return Optional.empty();
    }

    /**
     * Asked again in nearly the same words (character-bigram Dice ≥ 0.5): a follow-up such as "需要什么材料"
     * answered from the same entry is a new question about it, not a sign the answer failed.
     */
    static boolean similar(String a, String b) {
        if (a == null || b == null) return false;
        if (a.equals(b)) return true;
        java.util.Set<String> x = bigrams(a);
        java.util.Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) return false;
        int common = 0;
        for (String g : x) if (y.contains(g)) common++;
        return 2.0 * common / (x.size() + y.size()) >= 0.5;
    }

    private static java.util.Set<String> bigrams(String s) {
        java.util.Set<String> out = new java.util.HashSet<>();
        String t = s.replaceAll("[\\p{P}\\s]", "");
        for (int i = 0; i + 2 <= t.length(); i++) out.add(t.substring(i, i + 2));
        return out;
    }

    /** "好的", "是", "可以", "转吧": yes to an offer. */
    public static boolean accepts(Analysis analysis) {
        return analysis.has(IntentNames.AFFIRM) && !analysis.has(IntentNames.DENY);
    }

    /** "都不是", "没用", "不对", "没解决": the citizen says what the bot offered did not help. */
    public static boolean rejects(Analysis analysis) {
        String t = analysis.text().normalized();
        return analysis.has(IntentNames.DENY) || t.contains("都不是") || t.contains("没用") || t.contains("没解决")
                || t.contains("不是我要") || t.contains("答非所问") || t.contains("没有帮助");
    }
}
