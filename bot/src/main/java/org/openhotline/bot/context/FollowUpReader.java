package org.openhotline.bot.context;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.entity.Entity;
import org.openhotline.nlu.entity.EntityType;
import org.openhotline.nlu.lexicon.DomainLexicon;
import org.openhotline.nlu.segment.Token;

/**
 * Reads a message for the signs of a follow-up: opening words and 呢, pronouns, the aspect asked about,
 * and whether it names a subject of its own (a domain word of the lexicon, an insurance type). The
 * segmenter's tokens give the other content words; the vocabulary is scanned in the text itself.
 */
final class FollowUpReader {
    private final FollowUpCues cues;
    private final DomainLexicon lexicon;
    private final WordScanner vocabulary;
    private final WordScanner aspects;

    FollowUpReader(FollowUpCues cues, DomainLexicon lexicon) {
        this.cues = cues;
        this.lexicon = lexicon;
        Set<String> words = new LinkedHashSet<>(lexicon.domainWords());
        words.addAll(cues.contrastWords());
        words.addAll(cues.aspectWords());
        this.vocabulary = new WordScanner(words);
        this.aspects = new WordScanner(cues.aspectWords());
    }

    FollowUpReading read(Analysis message) {
        String text = message.text().normalized();
        int start = 0;
        int end = trimEnd(text, text.length());
        boolean signalled = false;
        for (boolean again = true; again; ) { // "那么，这个网上能办吗": each opening, in any order
            again = false;
            start = skipPunctuation(text, start, end);
            String lead = opening(text, start, end, cues.leads());
            if (lead != null) {
                start += lead.length();
                signalled = true;
                again = true;
                continue;
            }
            String neutral = opening(text, start, end, cues.neutralLeads());
            if (neutral != null) {
                start += neutral.length();
                again = true;
                continue;
            }
            String pronoun = opening(text, start, end, cues.pronouns());
            if (pronoun != null) {
                start += pronoun.length();
                signalled = true;
                again = true;
            }
        }
        for (String tail : cues.tails()) {
            if (end - start >= tail.length() && text.startsWith(tail, end - tail.length())) {
                end = trimEnd(text, end - tail.length());
                signalled = true;
                break;
            }
        }
        String body = start < end ? text.substring(start, end) : "";
        Set<String> asked = new LinkedHashSet<>();
        List<String> subjects = new ArrayList<>();
        for (WordScanner.Hit hit : vocabulary.scan(body)) {
            String aspect = cues.aspectOf(hit.word());
            if (aspect != null) asked.add(aspect);
            else if (!cues.isFunction(hit.word())) subjects.add(hit.word());
        }
        for (Entity e : message.entities()) {
            if (e.type() == EntityType.DISTRICT) asked.add("地点");
            if (e.type() == EntityType.INSURANCE_TYPE) {
                String surface = e.surface(message.text().original()).toLowerCase();
                if (body.contains(surface) && subjects.stream().noneMatch(s -> s.contains(surface))) subjects.add(surface);
            }
        }
        List<String> content = new ArrayList<>();
        for (Token t : message.tokens()) {
            if (t.start() < start || t.end() > end || t.isPunctuation()) continue;
            String w = t.word().toLowerCase();
            if (w.length() < 2 || !isContent(t) || cues.isFunction(w) || lexicon.isStopword(w) || aspects.contains(w)) continue;
            if (subjects.stream().anyMatch(s -> s.contains(w) || w.contains(s))) continue;
            if (aspects.scan(w).stream().anyMatch(h -> h.word().length() == w.length())) continue;
            content.add(w);
        }
        boolean how = cues.how().stream().anyMatch(body::contains);
        return new FollowUpReading(body, signalled, asked, subjects, content, how);
    }

    /** Nouns, verbs, adjectives and words the segmenter does not know; not pronouns, particles, adverbs. */
    static boolean isContent(Token t) {
        String n = t.nature();
        if (n.isEmpty()) return true;
        char c = n.charAt(0);
        return c == 'n' || c == 'v' || c == 'a' || c == 'x' || c == 'g' || c == 's' || c == 'i' || c == 'l' || c == 'j';
    }

    /**
     * The opening word at {@code start}, longest first, unless taking it would cut a vocabulary word in two:
     * in "那个体户呢" the opening is 那, not 那个.
     */
    private String opening(String text, int start, int end, List<String> candidates) {
        for (String w : candidates) {
            if (!text.startsWith(w, start) || start + w.length() > end) continue;
            if (cutsAWord(text, start, start + w.length(), end)) continue;
            return w;
        }
        return null;
    }

    private boolean cutsAWord(String text, int start, int cut, int end) {
        for (WordScanner.Hit hit : vocabulary.scan(text.substring(start, end))) {
            int s = start + hit.start();
            if (s < cut && s + hit.word().length() > cut) return true;
        }
        return false;
    }

    private static int skipPunctuation(String text, int start, int end) {
        while (start < end && isPunctuation(text.charAt(start))) start++;
        return start;
    }

    private static int trimEnd(String text, int end) {
        while (end > 0 && isPunctuation(text.charAt(end - 1))) end--;
        return end;
    }

    private static boolean isPunctuation(char c) {
        return Character.isWhitespace(c) || "，,。.？?！!、；;：:~～…".indexOf(c) >= 0;
    }
}
