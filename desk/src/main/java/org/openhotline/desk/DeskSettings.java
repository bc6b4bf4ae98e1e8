package org.openhotline.desk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.desk.group.RoutingStrategy;
import org.openhotline.desk.group.SkillGroup;
import org.openhotline.desk.queue.PriorityRules;

/**
 * The desk's configuration (YAML section {@code desk}). {@link #fromTree} reads the section as the server's config
 * gives it; every key has a default, so an empty map is a working desk.
 *
 * @param groups       skill groups seeded into the database when it has none (the admin page edits them after)
 * @param offerTimeout an offer not accepted in this time goes to another agent
 * @param missedOfferAway an agent who lets an offer expire is set AWAY (redirect on no answer), so a console that
 *                     vanished without signing out stops getting chats; they set themselves online again
 * @param autoAccept   offers become ACTIVE at once (no accept click)
 * @param endReasons   reason code → label, in order
 * @param ratingTags   level 1..5 → tags the citizen may pick
 * @param stickyWithin a citizen who talked to an agent this recently goes to that agent again when they are free
 * @param texts        notice texts: welcome, queued (%d position, %d minutes), accepted (%s agent), transferred, ended,
 *                     rating, timeout, agent-offline
 * @param callbacks    the call-back tasks' due time, claim expiry and attempts ({@code desk.callback-*})
 */
public record DeskSettings(Duration wrapUp, Duration offerTimeout, boolean missedOfferAway, boolean autoAccept, boolean inviteRating, String defaultGroup,
                           List<SkillGroup> groups, PriorityRules priority, Map<String, String> endReasons,
                           Map<Integer, List<String>> ratingTags, int etaSample, Duration defaultHandleTime, Duration stickyWithin, Map<String, String> texts,
                           org.openhotline.desk.callback.CallbackSettings callbacks) {
    public DeskSettings {
        groups = List.copyOf(groups);
        endReasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endReasons));
        ratingTags = Map.copyOf(ratingTags);
        texts = Map.copyOf(texts);
    }

    public static DeskSettings defaults() {
        return fromTree(Map.of());
    }

    public String text(String key) {
        String t = texts.get(key);
        return t != null ? t : DEFAULT_TEXTS.get(key);
    }

    static final Map<String, String> DEFAULT_TEXTS = Map.of(
            "welcome", "您好，已为您转接人工客服。",
            "queued", "您前面还有 %d 位，预计等待约 %d 分钟。",
            "accepted", "客服 %s 为您服务。",
            "transferred", "正在为您转接其他客服，请稍候。",
            "ended", "本次人工服务已结束，感谢您的耐心。",
            "rating", "请为本次服务评价：回复 5 非常满意，4 满意，3 一般，2 不满意，1 非常不满意。评分后可再留一句意见。",
            "timeout", "抱歉，目前客服繁忙，让您久等了。您可以回复“留言”留下问题，或回复“回电”留下电话，我们会尽快处理。",
            "agent-offline", "目前暂无客服在线，您可以继续等待，或回复“留言”、“回电”。");

    /** Reads the {@code desk} section: keys as in hotline-defaults.yml. */
    @SuppressWarnings("unchecked")
    public static DeskSettings fromTree(Map<String, Object> t) {
        String def = str(t, "default-group", "12345");
        List<SkillGroup> groups = new ArrayList<>();
        for (Object o : (List<Object>) t.getOrDefault("groups", List.of())) groups.add(group((Map<String, Object>) o));
        if (groups.isEmpty()) groups.add(new SkillGroup(def, def, RoutingStrategy.LEAST_BUSY, 0, null, Duration.ZERO, Duration.ofMinutes(10), null, true));
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Object o : (List<Object>) t.getOrDefault("end-reasons", List.of("solved=已解决", "referred=已转办/工单", "no-reply=市民无应答", "invalid=无效会话"))) {
            String s = String.valueOf(o);
            int eq = s.indexOf('=');
            reasons.put((eq < 0 ? s : s.substring(0, eq)).strip(), (eq < 0 ? s : s.substring(eq + 1)).strip());
        }
        Map<Integer, List<String>> tags = new LinkedHashMap<>();
        Map<String, Object> tagTree = (Map<String, Object>) t.getOrDefault("rating-tags", Map.of());
        for (int level = 1; level <= 5; level++) {
            Object v = tagTree.containsKey(String.valueOf(level)) ? tagTree.get(String.valueOf(level)) : ((Map<Object, Object>) (Map<?, ?>) tagTree).get(level);
            tags.put(level, v == null ? List.of() : ((List<Object>) v).stream().map(String::valueOf).toList());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        ((Map<String, Object>) t.getOrDefault("texts", Map.of())).forEach((k, v) -> texts.put(k, String.valueOf(v)));
        List<String> rules = ((List<Object>) t.getOrDefault("priority", List.of())).stream().map(String::valueOf).toList();
        return new DeskSettings(Duration.ofSeconds(num(t, "wrap-up-seconds", 60)), Duration.ofSeconds(num(t, "offer-seconds", 30)),
                bool(t, "missed-offer-away", true), bool(t, "auto-accept", false), bool(t, "invite-rating", true), def, groups, PriorityRules.parse(rules), reasons, tags,
                (int) num(t, "eta-sample", 20), Duration.ofSeconds(num(t, "default-handle-seconds", 300)),
                Duration.ofHours(num(t, "sticky-hours", 72)), texts, org.openhotline.desk.callback.CallbackSettings.fromTree(t));
    }

    private static SkillGroup group(Map<String, Object> g) {
        String code = str(g, "code", null);
        return new SkillGroup(code, str(g, "name", code), RoutingStrategy.fromWire(str(g, "strategy", "least-busy")),
                (int) num(g, "saturation", 0), str(g, "overflow", null), Duration.ofSeconds(num(g, "overflow-after-seconds", 0)),
                Duration.ofSeconds(num(g, "queue-timeout-seconds", 600)), str(g, "welcome", null), bool(g, "enabled", true));
    }

    private static String str(Map<String, Object> t, String key, String def) {
        Object v = t.get(key);
        return v == null ? def : String.valueOf(v);
    }

    /** A whole number under {@code desk.key} of the settings tree, {@code def} when absent; anything else names the key. */
    public static long num(Map<String, Object> t, String key, long def) {
        Object v = t.get(key);
        if (v == null) return def;
        try {
            return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("desk." + key + " must be a number, was " + v);
        }
    }

    private static boolean bool(Map<String, Object> t, String key, boolean def) {
        Object v = t.get(key);
        return v == null ? def : v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v).strip());
    }
}
