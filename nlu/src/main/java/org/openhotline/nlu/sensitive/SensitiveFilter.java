package org.openhotline.nlu.sensitive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks a message against the sensitive-word lexicon and applies the policy for its direction.
 * Thread-safe; {@link #reload} compiles a new lexicon off to the side and swaps it in atomically, so a
 * check in progress finishes on the old words and the next one sees the new.
 */
public final class SensitiveFilter {
    private final AtomicReference<SensitiveMatcher> matcher;
    private final AtomicReference<SensitivePolicy> policy;
    private final PersonalDataDetector personalData;

    public SensitiveFilter(SensitiveLexicon lexicon, SensitivePolicy policy, PersonalDataDetector personalData) {
        this.matcher = new AtomicReference<>(new SensitiveMatcher(lexicon));
        this.policy = new AtomicReference<>(Objects.requireNonNull(policy));
        this.personalData = Objects.requireNonNull(personalData);
    }

    public SensitiveFilter(SensitiveLexicon lexicon, SensitivePolicy policy) {
        this(lexicon, policy, PersonalDataDetector.NONE);
    }

    /** The shipped lexicon and policy. */
    public static SensitiveFilter bundled() {
        return new SensitiveFilter(SensitiveLexicon.bundled(), SensitivePolicy.defaults());
    }

    public void reload(SensitiveLexicon lexicon) {
        matcher.set(new SensitiveMatcher(lexicon));
    }

    public void reload(SensitivePolicy newPolicy) {
        policy.set(Objects.requireNonNull(newPolicy));
    }

    public SensitiveResult check(String text, Direction direction) {
        String original = text == null ? "" : text;
        SensitivePolicy p = policy.get();
        List<SensitiveHit> hits = new ArrayList<>();
        for (SensitiveHit h : matcher.get().find(original)) hits.add(h.withAction(p.action(direction, h.category())));
        for (PersonalDataDetector.Span s : personalData.find(original)) {
            if (s.start() < 0 || s.end() > original.length() || s.start() >= s.end()) continue;
            hits.add(new SensitiveHit(Category.PERSONAL_DATA, s.label(), s.start(), s.end(), MatchMode.DETECTOR,
                    p.action(direction, Category.PERSONAL_DATA)));
        }
        hits.sort(Comparator.comparingInt(SensitiveHit::start).thenComparingInt(SensitiveHit::end));
        SensitiveHit firstBlock = hits.stream().filter(h -> h.action() == Action.BLOCK).findFirst().orElse(null);
        boolean blocked = firstBlock != null;
        String delivered = mask(original, hits, blocked);
        String reply = blocked && direction == Direction.INBOUND ? p.reply(firstBlock.category()) : null;
        return new SensitiveResult(direction, hits, delivered, blocked, reply);
    }

    /** The text with every code point of each MASK hit (and, when blocked, each BLOCK hit) replaced by ＊. */
    static String mask(String original, List<SensitiveHit> hits, boolean blocked) {
        boolean any = false;
        for (SensitiveHit h : hits) any |= h.action() == Action.MASK || (blocked && h.action() == Action.BLOCK);
        if (!any) return original;
        boolean[] masked = new boolean[original.length()];
        for (SensitiveHit h : hits) {
            if (h.action() == Action.MASK || (blocked && h.action() == Action.BLOCK)) {
                for (int i = h.start(); i < h.end(); i++) masked[i] = true;
            }
        }
        StringBuilder sb = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int w = Character.charCount(cp);
            if (masked[i] && !Character.isWhitespace(cp)) sb.append(SensitiveResult.MASK_CHAR);
            else sb.appendCodePoint(cp);
            i += w;
        }
        return sb.toString();
    }
}
