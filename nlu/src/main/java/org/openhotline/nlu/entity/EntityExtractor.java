package org.openhotline.nlu.entity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.openhotline.nlu.gazetteer.Gazetteer;
import org.openhotline.nlu.lexicon.TypoDictionary;

/**
 * Finds every entity of a message in one call: runs each recogniser over the message (cut to {@link #maxChars()}
 * so a huge paste cannot stall a worker; the cut is reported), then keeps one reading of every stretch of text —
 * the longest, and between equally long ones the most specific (a valid 18-digit ID is not also a bank card).
 * Offsets are into the text as given. Safe on any input; thread-safe once built.
 */
public final class EntityExtractor {
    public static final int DEFAULT_MAX_CHARS = 5000;

    private final List<EntityRecognizer> recognizers;
    private final TypoDictionary typos;
    private final int maxChars;

    /** The bundled Xi'an gazetteer and typo list. */
    public EntityExtractor() {
        this(Gazetteer.bundled());
    }

    public EntityExtractor(Gazetteer gazetteer) {
        this(gazetteer, TypoDictionary.bundled(), DEFAULT_MAX_CHARS);
    }

    public EntityExtractor(Gazetteer gazetteer, TypoDictionary typos, int maxChars) {
        this(List.of(new IdCardRecognizer(), new PhoneRecognizer(), new BankCardRecognizer(), new DateRecognizer(),
                new MoneyRecognizer(), new DurationRecognizer(), new DistrictRecognizer(Objects.requireNonNull(gazetteer)),
                new InsuranceTypeRecognizer(), new OrgRecognizer(), new PersonRecognizer()), typos, maxChars);
    }

    /** Any set of recognisers, e.g. a bureau's own in addition to these. */
    public EntityExtractor(List<EntityRecognizer> recognizers, TypoDictionary typos, int maxChars) {
        if (maxChars < 1) throw new IllegalArgumentException("maxChars must be positive");
        this.recognizers = List.copyOf(recognizers);
        this.typos = Objects.requireNonNull(typos);
        this.maxChars = maxChars;
    }

    public Extraction extract(String text, LocalDateTime now) {
        String original = text == null ? "" : text;
        LocalDateTime at = now == null ? LocalDateTime.now() : now;
        boolean truncated = original.length() > maxChars;
        String scanned = truncated ? original.substring(0, safeCut(original, maxChars)) : original;
        if (scanned.isBlank()) return new Extraction(List.of(), truncated, scanned.length());
        ScanText scan = ScanText.of(scanned, typos);
        List<Entity> candidates = new ArrayList<>();
        for (EntityRecognizer r : recognizers) {
            try {
                candidates.addAll(r.find(scan, at));
            } catch (RuntimeException e) {
                // one recogniser failing on odd input (HanLP has thrown on exotic characters) must not lose the others
            }
        }
        return new Extraction(resolve(candidates), truncated, scanned.length());
    }

    /** Non-overlapping entities: longest first, then the more specific type, then the more confident; in text order. */
    static List<Entity> resolve(List<Entity> candidates) {
        List<Entity> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(Entity::length).reversed()
                .thenComparingInt(e -> e.type().ordinal())
                .thenComparing(Comparator.comparingDouble(Entity::confidence).reversed())
                .thenComparingInt(Entity::start));
        List<Entity> kept = new ArrayList<>();
        for (Entity e : sorted) {
            boolean free = true;
            for (Entity k : kept) {
                if (k.overlaps(e)) {
                    free = false;
                    break;
                }
            }
            if (free) kept.add(e);
        }
        kept.sort(Comparator.comparingInt(Entity::start).thenComparingInt(Entity::end));
        return kept;
    }

    private static int safeCut(String s, int at) {
        return Character.isHighSurrogate(s.charAt(at - 1)) ? at - 1 : at;
    }

    public int maxChars() {
        return maxChars;
    }
}
