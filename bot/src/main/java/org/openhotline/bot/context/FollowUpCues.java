package org.openhotline.bot.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.nlu.lexicon.LexiconFiles;
import org.openhotline.nlu.lexicon.SynonymTable;

/**
 * The small vocabulary that tells a follow-up from a new question: opening words (那, 那么), pronouns,
 * the aspects a follow-up asks about (材料, 时间, 费用…) and groups of words that replace each other
 * (门诊 / 住院). It is data, not code, so an editor can extend it (one {@code kind: words} a line).
 */
public final class FollowUpCues {
    private static final String BUNDLED = "/org/openhotline/bot/context/followup-cues.txt";
    /** The contrast group of the {@code action:} words. */
    static final String ACTION = "办事";
    /** The contrast group of the {@code domain:} words. */
    static final String DOMAIN = "险种";

    private final List<String> leads;
    private final List<String> neutralLeads;
    private final List<String> tails;
    private final List<String> pronouns;
    private final List<String> how;
    private final Set<String> function;
    private final Map<String, String> aspectOf;
    private final Map<String, List<String>> contrastGroupsOf;

    /**
     * @param lines {@code kind: word word …} lines; kinds are lead, neutral-lead, tail, pronoun, how, function,
     *              action, domain, {@code aspect NAME} and {@code contrast NAME}
     */
    public FollowUpCues(List<String> lines) {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        Map<String, String> aspects = new LinkedHashMap<>();
        Map<String, List<String>> contrasts = new LinkedHashMap<>();
        for (String line : LexiconFiles.clean(lines)) {
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("follow-up cue line without 'kind:': " + line);
            String kind = line.substring(0, colon).strip();
            List<String> words = new ArrayList<>();
            for (String w : line.substring(colon + 1).strip().split("\\s+")) if (!w.isBlank()) words.add(w.toLowerCase());
            if (kind.startsWith("aspect ")) {
                String name = kind.substring(7).strip();
                for (String w : words) aspects.putIfAbsent(w, name);
            } else if (kind.equals("action") || kind.equals("domain")) {
                String group = kind.equals("action") ? ACTION : DOMAIN;
                for (String w : words) contrasts.computeIfAbsent(w, k -> new ArrayList<>()).add(group);
            } else if (kind.startsWith("contrast ")) {
                String name = kind.substring(9).strip();
                for (String w : words) contrasts.computeIfAbsent(w, k -> new ArrayList<>()).add(name);
            } else {
                kinds.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(words);
            }
        }
        this.leads = longestFirst(kinds.getOrDefault("lead", List.of()));
        this.neutralLeads = longestFirst(kinds.getOrDefault("neutral-lead", List.of()));
        this.tails = longestFirst(kinds.getOrDefault("tail", List.of()));
        this.pronouns = longestFirst(kinds.getOrDefault("pronoun", List.of()));
        this.how = longestFirst(kinds.getOrDefault("how", List.of()));
        this.function = Set.copyOf(kinds.getOrDefault("function", List.of()));
        this.aspectOf = Map.copyOf(aspects);
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        contrasts.forEach((w, groups) -> frozen.put(w, List.copyOf(groups)));
        this.contrastGroupsOf = Map.copyOf(frozen);
    }

    /**
     * These cues with each synonym of the lexicon read as its group's head word and back (住房公积金 is a
     * domain word as 公积金 is), so that the cue file need not list every form.
     */
    public FollowUpCues withSynonyms(SynonymTable synonyms) {
        Map<String, String> aspects = new LinkedHashMap<>(aspectOf);
        Map<String, List<String>> contrasts = new LinkedHashMap<>(contrastGroupsOf);
        synonyms.mapping().forEach((word, head) -> {
            String w = word.toLowerCase();
            String h = head.toLowerCase();
            if (aspects.containsKey(h)) aspects.putIfAbsent(w, aspects.get(h));
            else if (aspects.containsKey(w)) aspects.putIfAbsent(h, aspects.get(w));
            if (contrasts.containsKey(h)) contrasts.putIfAbsent(w, contrasts.get(h));
            else if (contrasts.containsKey(w)) contrasts.putIfAbsent(h, contrasts.get(w));
        });
        return new FollowUpCues(this, aspects, contrasts);
    }

    private FollowUpCues(FollowUpCues base, Map<String, String> aspects, Map<String, List<String>> contrasts) {
        this.leads = base.leads;
        this.neutralLeads = base.neutralLeads;
        this.tails = base.tails;
        this.pronouns = base.pronouns;
        this.how = base.how;
        this.function = base.function;
        this.aspectOf = Map.copyOf(aspects);
        this.contrastGroupsOf = Map.copyOf(contrasts);
    }

    /** The cues bundled with the product. */
    public static FollowUpCues bundled() {
        return new FollowUpCues(LexiconFiles.bundled(BUNDLED));
    }

    private static List<String> longestFirst(List<String> words) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(words));
        out.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(out);
    }

    /** Opening words that say "about what we just discussed" (longest first). */
    public List<String> leads() {
        return leads;
    }

    /** Opening words stripped without being read as a follow-up sign (longest first). */
    public List<String> neutralLeads() {
        return neutralLeads;
    }

    public List<String> tails() {
        return tails;
    }

    public List<String> pronouns() {
        return pronouns;
    }

    /** Words asking how to do something (怎么, 如何), longest first. */
    public List<String> how() {
        return how;
    }

    /** A question word or light verb: neither a subject of its own nor a key term of a topic. */
    public boolean isFunction(String word) {
        return function.contains(word.toLowerCase());
    }

    /** The aspect a word asks about (材料, 时间…), or null. */
    public String aspectOf(String word) {
        return aspectOf.get(word.toLowerCase());
    }

    /** Every aspect word, for scanning a text. */
    public Set<String> aspectWords() {
        return aspectOf.keySet();
    }

    /** The groups of words a word can stand in for (险种, 人群…); empty when none. */
    public List<String> contrastGroups(String word) {
        return contrastGroupsOf.getOrDefault(word.toLowerCase(), List.of());
    }

    /** What is done (备案, 提取, 挂失): left out of a topic when the follow-up asks about something else. */
    public boolean isAction(String word) {
        return contrastGroups(word).contains(ACTION);
    }

    /** A line of business (社保, 医保, 公积金…). */
    public boolean isDomain(String word) {
        return contrastGroups(word).contains(DOMAIN);
    }

    /** The words of one contrast group, longest first. */
    public List<String> wordsOf(String group) {
        return longestFirst(contrastGroupsOf.entrySet().stream().filter(e -> e.getValue().contains(group)).map(Map.Entry::getKey).toList());
    }

    /** Every word of a contrast group, for scanning a text. */
    public Set<String> contrastWords() {
        return contrastGroupsOf.keySet();
    }
}
