package org.openhotline.bot.context;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openhotline.bot.session.Topic;
import org.openhotline.nlu.lexicon.DomainLexicon;
import org.openhotline.nlu.segment.Segmenter;
import org.openhotline.nlu.segment.Token;

/**
 * The key terms of what was last answered: the words of its standard question that name a subject, an
 * action or an aspect (异地就医, 备案), with the category's own domain words first when the question leaves
 * them out ("异地就医如何备案" is filed under 医保/异地就医). Question words and light verbs are left out.
 * Where the citizen named the subject differently from the standard question (社保卡 where the answer was
 * about 医保卡), the citizen's word wins.
 */
final class TopicTerms {
    private final Segmenter segmenter;
    private final DomainLexicon lexicon;
    private final FollowUpCues cues;
    private final WordScanner vocabulary;

    /**
     * One key term.
     *
     * @param subject names what the question is about: a word of the hotline vocabulary that is not an action
     *                or aspect, or, when the question has none, a noun
     */
    record Term(String word, boolean subject, boolean action, boolean aspect) {}

    TopicTerms(Segmenter segmenter, DomainLexicon lexicon, FollowUpCues cues) {
        this.segmenter = segmenter;
        this.lexicon = lexicon;
        this.cues = cues;
        Set<String> words = new LinkedHashSet<>(lexicon.domainWords());
        words.addAll(cues.contrastWords());
        this.vocabulary = new WordScanner(words);
    }

    List<Term> of(Topic topic) {
        String question = topic.question() == null || topic.question().isBlank() ? topic.query() : topic.question();
        if (question == null) return List.of();
        question = question.toLowerCase();
        List<Term> terms = new ArrayList<>();
        Set<String> nouns = new LinkedHashSet<>();
        // vocabulary words first claim their span, so 住房公积金 stays one term however HanLP cuts it
        List<WordScanner.Hit> known = vocabulary.scan(question);
        int at = 0;
        for (Token t : segmenter.segment(question)) {
            if (t.start() < at) continue;
            WordScanner.Hit hit = known.stream().filter(h -> h.start() <= t.start() && h.end() > t.start()).findFirst().orElse(null);
            if (hit != null) {
                add(terms, hit.word(), true);
                at = hit.end();
                continue;
            }
            at = t.end();
            if (t.isPunctuation() || !FollowUpReader.isContent(t) || t.word().length() < 2) continue;
            add(terms, t.word(), false);
            if (t.nature().startsWith("n")) nouns.add(t.word());
        }
        List<Term> out = new ArrayList<>();
        if (topic.category() != null) {
            for (String part : topic.category().split("/")) {
                String p = part.strip().toLowerCase();
                if (p.isEmpty() || p.chars().allMatch(Character::isDigit) || !vocabulary.contains(p)) continue;
                if (!mentioned(p, terms, question)) out.add(term(p, true));
            }
        }
        out.addAll(terms);
        if (out.stream().noneMatch(Term::subject)) { // 护照怎么办理: outside the vocabulary, the nouns say what it is about
            out.replaceAll(t -> nouns.contains(t.word()) && !t.aspect() ? new Term(t.word(), true, false, false) : t);
        }
        if (topic.query() != null) preferCitizensWords(out, topic.query().toLowerCase());
        return out;
    }

    private void add(List<Term> terms, String w, boolean known) {
        if (cues.isFunction(w) || lexicon.isStopword(w)) return;
        if (terms.stream().noneMatch(t -> t.word().equals(w))) terms.add(term(w, known));
    }

    private Term term(String w, boolean known) {
        boolean aspect = cues.aspectOf(w) != null;
        boolean action = cues.isAction(w);
        return new Term(w, known && !aspect && !action, action, aspect);
    }

    /** A subject the citizen named takes the place of its rival from the standard question (社保卡 for 医保卡). */
    private void preferCitizensWords(List<Term> terms, String query) {
        for (WordScanner.Hit hit : vocabulary.scan(query)) {
            List<String> groups = cues.contrastGroups(hit.word());
            if (groups.isEmpty() || cues.isAction(hit.word())) continue;
            if (terms.stream().anyMatch(t -> t.word().contains(hit.word()) || hit.word().contains(t.word()))) continue;
            for (int i = 0; i < terms.size(); i++) {
                Term t = terms.get(i);
                if (t.subject() && cues.contrastGroups(t.word()).stream().anyMatch(groups::contains)) {
                    terms.set(i, term(hit.word(), true));
                    break;
                }
            }
        }
    }

    /** The category word is already there, itself or a synonym (医疗保险 for 医保) or inside a longer term. */
    private boolean mentioned(String word, List<Term> terms, String question) {
        if (question.contains(word)) return true;
        String canonical = lexicon.synonyms().canonical(word);
        for (Term t : terms) {
            if (t.word().contains(word) || lexicon.synonyms().canonical(t.word()).equals(canonical)) return true;
        }
        return false;
    }
}
