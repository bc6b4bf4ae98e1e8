package org.openhotline.bot.hot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.log.MessageLog;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.model.Entry;

/**
 * The questions offered in a welcome or when the bot cannot help: the editors' pinned ones first, then the
 * most answered this week (from the message log), then one standard question per top-level category so
 * that even a new deployment shows a way forward.
 */
public final class HotQuestions {
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration REFRESH = Duration.ofMinutes(10);
    private static final int WEEKLY = 20;

    private final List<String> pinned;
    private final MessageLog log;
    private final Clock clock;
    /** One standard question per category of the last index seen: computed once per version, not per fallback. */
    private volatile PerCategory perCategory;
    private volatile Weekly weekly = new Weekly(Instant.EPOCH, List.of());

    private record PerCategory(KnowledgeIndex index, List<Entry> firsts) {}

    private record Weekly(Instant at, List<String> ids) {}

    public HotQuestions(List<String> pinnedEntryIds) {
        this(pinnedEntryIds, null, Clock.systemUTC());
    }

    /** With a log, this week's most answered entries follow the pinned ones (recounted every ten minutes). */
    public HotQuestions(List<String> pinnedEntryIds, MessageLog log, Clock clock) {
        this.pinned = List.copyOf(pinnedEntryIds);
        this.log = log;
        this.clock = clock;
    }

    private List<Entry> firstsPerCategory(KnowledgeIndex index) {
        PerCategory cached = perCategory;
        if (cached != null && cached.index() == index) return cached.firsts();
        Map<String, Entry> first = new LinkedHashMap<>();
        index.entries().values().stream()
                .sorted(java.util.Comparator.comparing(Entry::id))
                .forEach(e -> first.putIfAbsent(e.topCategory(), e));
        List<Entry> firsts = List.copyOf(first.values());
        perCategory = new PerCategory(index, firsts);
        return firsts;
    }

    private List<String> weekly() {
        if (log == null) return List.of();
        Instant now = clock.instant();
        Weekly w = weekly;
        if (w.at().plus(REFRESH).isAfter(now)) return w.ids();
        try {
            List<String> ids = log.mostAnswered(now.minus(WEEK), WEEKLY);
            weekly = new Weekly(now, ids);
            return ids;
        } catch (RuntimeException e) {
            weekly = new Weekly(now, w.ids()); // keep last week's list rather than retry on every message
            return w.ids();
        }
    }

    public List<Entry> top(KnowledgeIndex index, int n, LocalDate today) {
        List<Entry> out = new ArrayList<>();
        addAll(out, pinned, index, n, today);
        addAll(out, weekly(), index, n, today);
        for (Entry e : firstsPerCategory(index)) {
            if (out.size() >= n) break;
            if (e.isAnswerable(today) && !out.contains(e)) out.add(e);
        }
        return out;
    }

    private static void addAll(List<Entry> out, List<String> ids, KnowledgeIndex index, int n, LocalDate today) {
        for (String id : ids) {
            if (out.size() >= n) return;
            Entry e = index.entry(id);
            if (e != null && e.isAnswerable(today) && !out.contains(e)) out.add(e);
        }
    }
}
