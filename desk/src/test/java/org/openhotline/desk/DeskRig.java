package org.openhotline.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.bot.handoff.CitizenNotifier;
import org.openhotline.bot.handoff.HandoffKind;
import org.openhotline.bot.handoff.HandoffListener;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.bot.script.MovableClock;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.presence.AgentProfile;
import org.openhotline.nlu.sensitive.SensitiveFilter;

/**
 * One desk over a real database with a movable clock, agents from a map, a notifier and a bot listener that
 * record what they are told; the timer is off, tests call {@code tick()}.
 */
final class DeskRig implements AutoCloseable {
    /** Loaded once: the bundled lexicon takes a while to build. */
    static final SensitiveFilter FILTER = SensitiveFilter.bundled();
    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
    final MovableClock clock = new MovableClock(START, ZoneId.of("Asia/Shanghai"));
    final Map<String, AgentProfile> agents = new ConcurrentHashMap<>();
    final List<CitizenNotice> notices = new CopyOnWriteArrayList<>();
    final List<DeskEvent> events = new CopyOnWriteArrayList<>();
    final List<String> bot = new CopyOnWriteArrayList<>();
    final DeskEngine desk;

    DeskRig(DataSource db, Map<String, Object> settings) {
        this(db, settings, b -> b);
    }

    DeskRig(DataSource db, Map<String, Object> settings, UnaryOperator<DeskBuilder> more) {
        desk = more.apply(DeskBuilder.over(db).settings(DeskSettings.fromTree(settings)).clock(clock).background(false)
                .agents(id -> Optional.ofNullable(agents.get(id))).sensitive(FILTER).notifier(new CitizenNotifier() {
                    @Override
                    public boolean handles(String channel) {
                        return true;
                    }

                    @Override
                    public void notify(CitizenNotice n) {
                        notices.add(n);
                    }
                })).build();
        desk.subscribe(events::add);
        desk.attach(new HandoffListener() {
            @Override
            public void handoffEnded(String sessionId, String chatId, boolean inviteRating) {
                bot.add("ended " + sessionId + " " + chatId + " " + inviteRating);
            }

            @Override
            public void handoffTimedOut(String sessionId, String chatId) {
                bot.add("timeout " + sessionId + " " + chatId);
            }
        });
    }

    /** Settings: groups 社保 (given strategy) and 医保, fast offers, tags, and what {@code extra} adds. */
    static Map<String, Object> settings(String strategy, Map<String, Object> extra) {
        Map<String, Object> t = new HashMap<>();
        t.put("default-group", "12345");
        t.put("wrap-up-seconds", 30);
        t.put("offer-seconds", 20);
        List<Object> groups = new ArrayList<>();
        groups.add(new HashMap<>(Map.of("code", "社保", "strategy", strategy, "queue-timeout-seconds", 600)));
        groups.add(new HashMap<>(Map.of("code", "医保", "strategy", "least-busy")));
        groups.add(new HashMap<>(Map.of("code", "12345", "name", "12345综合")));
        t.put("groups", groups);
        t.put("rating-tags", Map.of("5", List.of("态度好", "解答清楚"), "1", List.of("态度差", "没解决")));
        t.putAll(extra);
        return t;
    }

    void agent(String id, int maxChats, String... groups) {
        agents.put(id, new AgentProfile(id, "客服" + id, List.of(groups), maxChats, false));
    }

    /** An agent who signs in at once. */
    void online(String id, int maxChats, String... groups) {
        agent(id, maxChats, groups);
        desk.presence(id, org.openhotline.desk.presence.Presence.ONLINE);
    }

    void leader(String id, String... groups) {
        agents.put(id, new AgentProfile(id, "组长" + id, List.of(groups), 3, true));
    }

    static HandoffSummary summary(String session, String channel, String group) {
        return new HandoffSummary(session, channel, "keyword", "asked for a person", group, List.of("citizen: 我要转人工", "bot: 好的"),
                List.of("ask_human"), List.of(), null, Map.of(), null, START);
    }

    String handoff(String session, String group) {
        return handoff(session, "web", group);
    }

    String handoff(String session, String channel, String group) {
        return desk.request(HandoffKind.TRANSFER, summary(session, channel, group), null, null).id();
    }

    void advance(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    List<CitizenNotice> noticesOf(String session, CitizenNotice.Type type) {
        return notices.stream().filter(n -> n.sessionId().equals(session) && n.type() == type).toList();
    }

    @Override
    public void close() {
        desk.close();
    }
}
