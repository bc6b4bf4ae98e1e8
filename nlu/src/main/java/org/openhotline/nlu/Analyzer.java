package org.openhotline.nlu;

import java.time.LocalDateTime;
import java.util.List;
import org.openhotline.nlu.entity.EntityExtractor;
import org.openhotline.nlu.entity.Extraction;
import org.openhotline.nlu.intent.Intent;
import org.openhotline.nlu.intent.IntentClassifier;
import org.openhotline.nlu.segment.Segmenter;
import org.openhotline.nlu.segment.Token;
import org.openhotline.nlu.sensitive.Direction;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.openhotline.nlu.sensitive.SensitiveResult;
import org.openhotline.nlu.text.NormalizedText;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * The NLU module's one entry point: a message in, one {@link Analysis} out (normalised text, tokens,
 * entities, intents, sensitive words). Thread-safe; build it once. Never throws on any input: a part
 * that fails on a strange message leaves its list empty and the rest is still returned.
 */
public final class Analyzer {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Analyzer.class);
    private final TextNormalizer normalizer;
    private final Segmenter segmenter;
    private final EntityExtractor entities;
    private final IntentClassifier intents;
    private final SensitiveFilter sensitive;

    public Analyzer(TextNormalizer normalizer, Segmenter segmenter, EntityExtractor entities, IntentClassifier intents,
                    SensitiveFilter sensitive) {
        this.normalizer = normalizer;
        this.segmenter = segmenter;
        this.entities = entities;
        this.intents = intents;
        this.sensitive = sensitive;
    }

    /** The analyser over everything the product bundles (lexicon, gazetteer, training sentences, sensitive lexicon). */
    public static Analyzer bundled() {
        var lexicon = org.openhotline.nlu.lexicon.DomainLexicon.bundled();
        return new Analyzer(new TextNormalizer(), new Segmenter(lexicon.domainWords()), new EntityExtractor(),
                IntentClassifier.bundled(), SensitiveFilter.bundled());
    }

    public Analysis analyze(String message, Direction direction, LocalDateTime now) {
        String original = message == null ? "" : message;
        NormalizedText text = normalizer.normalize(original);
        List<Token> segmented = guard(() -> segmenter.segment(text.normalized()), null);
        List<Token> tokens = segmented == null ? List.of() : segmented;
        Extraction found = guard(() -> entities.extract(original, now), new Extraction(List.of(), false, 0));
        List<Intent> classified = guard(() -> intents.classify(text.normalized(), segmented), List.of());
        SensitiveResult words = guard(() -> sensitive.check(original, direction),
                new SensitiveResult(direction, List.of(), original, false, null));
        return new Analysis(text, tokens, found.entities(), classified, words, text.truncated() || found.truncated());
    }

    public SensitiveFilter sensitive() {
        return sensitive;
    }

    private static <T> T guard(java.util.function.Supplier<T> part, T fallback) {
        try {
            return part.get();
        } catch (RuntimeException e) {
            // the message is not logged: it may hold personal data
            log.warn("one NLU step failed on a message and was skipped: {}", e.toString());
            return fallback;
        }
    }
}
