package org.openhotline.bot.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.openhotline.bot.session.Topic;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.intent.IntentNames;
import org.openhotline.nlu.lexicon.DomainLexicon;
import org.openhotline.nlu.segment.Segmenter;

/**
 * Reads an elliptical follow-up in the light of the last answer: after "医保异地就医怎么备案",
 * "需要什么材料" becomes "医保异地就医备案需要什么材料" and "那报销比例呢" becomes "医保异地就医报销比例"
 * (报销 takes the place of 备案). A message that names a subject of its own with something to ask about it
 * ("身份证丢了怎么补办") is left alone. The FAQ turn still searches the message as written too and keeps
 * the more confident ranking, so a wrong guess here costs little.
 */
public final class FollowUpRewriter implements ContextRewriter {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FollowUpRewriter.class);
    /** A body this short that names only a subject ("外地户口可以吗") hangs on the previous question. */
    static final int SHORT = 8;

    private final FollowUpCues cues;
    private final DomainLexicon lexicon;
    private final FollowUpReader reader;
    private final TopicTerms topics;

    /** With the bundled follow-up cues. */
    public FollowUpRewriter(Segmenter segmenter, DomainLexicon lexicon) {
        this(segmenter, lexicon, FollowUpCues.bundled());
    }

    public FollowUpRewriter(Segmenter segmenter, DomainLexicon lexicon, FollowUpCues cues) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.cues = Objects.requireNonNull(cues, "cues").withSynonyms(lexicon.synonyms());
        this.reader = new FollowUpReader(this.cues, lexicon);
        this.topics = new TopicTerms(Objects.requireNonNull(segmenter, "segmenter"), lexicon, this.cues);
    }

    /** Never throws: a message it cannot read is searched as written. */
    @Override
    public String rewrite(Analysis message, Topic previous) {
        if (message == null || previous == null) return null;
        try {
            return read(message, previous);
        } catch (RuntimeException e) { // the message text is not logged: it may hold personal data
            log.warn("follow-up not rewritten after entry {}: {}", previous.entryId(), e.toString());
            return null;
        }
    }

    /** Thanks, goodbyes, yes/no and requests for a person steer the conversation; they ask nothing about the topic. */
    private static final List<String> NOT_QUESTIONS = List.of(IntentNames.THANKS, IntentNames.GOODBYE, IntentNames.GREETING,
            IntentNames.AFFIRM, IntentNames.DENY, IntentNames.CANCEL, IntentNames.ASK_HUMAN, IntentNames.CHOOSE_OPTION);

    private String read(Analysis message, Topic previous) {
        for (String act : NOT_QUESTIONS) if (message.has(act)) return null;
        FollowUpReading r = reader.read(message);
        if (r.body().isBlank()) return null;
        String topicText = topicText(previous);
        List<String> own = r.subjects().stream().filter(s -> !mentioned(s, topicText)).toList();
        if (!leansOnTopic(r, own.stream().filter(s -> !cues.isAction(s)).toList())) return null;
        boolean asksOwnThing = r.content().stream().anyMatch(w -> !mentioned(w, topicText));
        List<TopicTerms.Term> terms = new ArrayList<>();
        for (TopicTerms.Term t : topics.of(previous)) {
            if (asksOwnThing && !t.subject()) continue; // "都包括哪些病" after 慢特病申请认定: not 申请认定
            if (t.aspect() && !r.aspects().isEmpty()) continue; // "要准备哪些材料" after 时间限制: not 时间限制
            terms.add(t);
        }
        String rest = r.body();
        for (String s : r.subjects()) { // "那住院呢" after 门诊…: 住院 takes 门诊's place
            if (makeRoom(s, terms)) rest = rest.replaceFirst(Pattern.quote(s), "");
        }
        StringBuilder query = new StringBuilder();
        for (TopicTerms.Term t : terms) if (!rest.contains(t.word())) query.append(t.word()); // unless the follow-up says it
        query.append(rest);
        String q = query.toString();
        return q.isBlank() || q.equals(message.text().normalized()) ? null : q;
    }

    /**
     * Without a subject of its own ("密码忘了怎么办", "那怎么挂失") a message may lean on the topic: only the
     * search can tell, and the FAQ turn keeps the more confident of the two readings. With one, only when the
     * subject is all there is to it ("那公积金呢", "外地户口可以吗"), not when it asks how to do something
     * with it ("居住证怎么办理") or says more ("身份证丢了…").
     *
     * @param ownThings subjects the topic did not speak of, actions (挂失, 报销) left out
     */
    private static boolean leansOnTopic(FollowUpReading r, List<String> ownThings) {
        if (ownThings.isEmpty()) return true;
        return !r.asksHow() && r.content().isEmpty() && (r.signalled() || r.body().length() <= SHORT);
    }

    /**
     * Makes room for a word of the follow-up among the topic's terms. Its rivals (same contrast group, other
     * words) go: "那住院呢" after 门诊… drops 门诊. A rival inside a longer term is replaced there (大学生 for
     * the 城乡居民 of 城乡居民医保), and then the term carries the word: the result is true. Switching the line
     * of business (公积金 for 养老保险) also drops the old line's own subjects (个人账户).
     */
    private boolean makeRoom(String word, List<TopicTerms.Term> terms) {
        List<String> groups = cues.contrastGroups(word);
        if (groups.isEmpty()) return false;
        boolean removed = terms.removeIf(t -> !t.word().contains(word) && !word.contains(t.word()) && rivals(t.word(), groups));
        if (removed) {
            if (cues.isDomain(word)) terms.removeIf(t -> t.subject() && cues.contrastGroups(t.word()).isEmpty());
            return false;
        }
        for (String group : groups) {
            for (String rival : cues.wordsOf(group)) {
                if (word.contains(rival) || rival.contains(word)) continue;
                for (int i = 0; i < terms.size(); i++) {
                    TopicTerms.Term t = terms.get(i);
                    if (t.word().length() > rival.length() && t.word().contains(rival)) {
                        terms.set(i, new TopicTerms.Term(t.word().replace(rival, word), t.subject(), t.action(), t.aspect()));
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean rivals(String term, List<String> groups) {
        return cues.contrastGroups(term).stream().anyMatch(groups::contains);
    }

    private static String topicText(Topic t) {
        StringBuilder sb = new StringBuilder();
        if (t.question() != null) sb.append(t.question()).append(' ');
        if (t.category() != null) sb.append(t.category()).append(' ');
        if (t.query() != null) sb.append(t.query());
        return sb.toString().toLowerCase();
    }

    /** The topic already speaks of this word, as written or as a synonym (住房公积金 for 公积金). */
    private boolean mentioned(String word, String topicText) {
        if (topicText.contains(word)) return true;
        String canonical = lexicon.synonyms().canonical(word);
        if (!canonical.equals(word) && topicText.contains(canonical)) return true;
        for (var e : lexicon.synonyms().mapping().entrySet()) {
            if (e.getValue().equals(canonical) && topicText.contains(e.getKey())) return true;
        }
        return false;
    }
}
