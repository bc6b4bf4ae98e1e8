package org.openhotline.kb.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

/**
 * The console's entry search, done on the server so a 20,000-entry version is never shipped to a page: text
 * (id, questions, answer, keywords), category (a top category matches its sub-categories), state, validity
 * ending within N days, and the day of the last change, sorted and paged. Pure: the caller supplies the data.
 */
public final class EntrySearch {
    public static final int MAX_LIMIT = 500;

    /** Where an entry stands for citizens and editors; {@code OPEN} (a change under way) comes first. */
    public enum State {
        LIVE, OPEN, DISABLED, EXPIRED, FUTURE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State parse(String s) {
            for (State st : values()) if (st.wireName().equals(s.strip().toLowerCase(Locale.ROOT))) return st;
            throw new IllegalArgumentException("state must be one of live, open, disabled, expired, future");
        }
    }

    /** Null fields do not filter. {@code sort}: {@code id} (default) or {@code changed} (newest change first). */
    public record Criteria(String text, String category, State state, Integer expiringWithinDays, LocalDate changedFrom,
                           LocalDate changedTo, String sort, int offset, int limit) {
        public static Criteria all() {
            return new Criteria(null, null, null, null, null, null, "id", 0, Integer.MAX_VALUE);
        }
    }

    /** One match: the entry, its state, when its content last changed (null when unknown), its open change. */
    public record Hit(Entry entry, State state, Instant lastChanged, Change openChange) {}

    /** {@code total} matches, the page of them from {@code offset}, and every category of the version (for the filter). */
    public record Page(int total, int offset, List<Hit> hits, List<String> categories) {}

    private EntrySearch() {}

    public static Page search(List<Entry> entries, Map<String, Instant> lastChanged, Map<String, Change> open, LocalDate today,
                              ZoneId zone, Criteria c) {
        List<Hit> all = entries.stream()
                .map(e -> new Hit(e, stateOf(e, open.containsKey(e.id()), today), lastChanged.get(e.id()), open.get(e.id())))
                .filter(matches(c, today, zone))
                .sorted("changed".equals(c.sort())
                        ? Comparator.comparing(Hit::lastChanged, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(h -> h.entry().id())
                        : Comparator.comparing(h -> h.entry().id()))
                .toList();
        int from = Math.min(Math.max(0, c.offset()), all.size());
        int to = (int) Math.min(all.size(), (long) from + Math.max(0, c.limit()));
        List<String> categories = entries.stream().map(Entry::category).filter(s -> !s.isEmpty()).distinct().sorted().toList();
        return new Page(all.size(), from, all.subList(from, to), categories);
    }

    public static State stateOf(Entry e, boolean openChange, LocalDate today) {
        if (openChange) return State.OPEN;
        if (e.status() != EntryStatus.PUBLISHED) return State.DISABLED;
        if (e.validTo() != null && e.validTo().isBefore(today)) return State.EXPIRED;
        if (e.validFrom() != null && e.validFrom().isAfter(today)) return State.FUTURE;
        return State.LIVE;
    }

    private static Predicate<Hit> matches(Criteria c, LocalDate today, ZoneId zone) {
        Predicate<Hit> p = h -> true;
        if (c.text() != null && !c.text().isBlank()) {
            String q = c.text().strip().toLowerCase(Locale.ROOT);
            p = p.and(h -> contains(h.entry(), q));
        }
        if (c.category() != null && !c.category().isBlank()) {
            String cat = c.category().strip();
            p = p.and(h -> h.entry().category().equals(cat) || h.entry().category().startsWith(cat + "/"));
        }
        if (c.state() != null) p = p.and(h -> h.state() == c.state());
        if (c.expiringWithinDays() != null) {
            LocalDate until = today.plusDays(c.expiringWithinDays());
            p = p.and(h -> h.entry().validTo() != null && !h.entry().validTo().isBefore(today) && !h.entry().validTo().isAfter(until));
        }
        if (c.changedFrom() != null) p = p.and(h -> h.lastChanged() != null && !day(h, zone).isBefore(c.changedFrom()));
        if (c.changedTo() != null) p = p.and(h -> h.lastChanged() != null && !day(h, zone).isAfter(c.changedTo()));
        return p;
    }

    private static LocalDate day(Hit h, ZoneId zone) {
        return h.lastChanged().atZone(zone).toLocalDate();
    }

    private static boolean contains(Entry e, String q) {
        if (has(e.id(), q) || has(e.question(), q) || has(e.answer(), q) || has(e.voiceAnswer(), q)) return true;
        for (String s : e.similar()) if (has(s, q)) return true;
        for (String k : e.keywords()) if (has(k, q)) return true;
        return false;
    }

    private static boolean has(String s, String q) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(q);
    }
}
