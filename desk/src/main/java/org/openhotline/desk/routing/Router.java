package org.openhotline.desk.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.desk.group.RoutingStrategy;
import org.openhotline.desk.group.SkillGroup;

/**
 * Routing decisions over in-memory state only (no I/O), so one decision is microseconds: who of the group's free
 * agents gets a waiting chat, by the group's strategy and saturation, the citizen's last agent first when free.
 * The engine claims each decision in the database afterwards; a lost claim (another node was quicker) is simply
 * not applied. A phone call goes only to an agent whose phone rings; an agent on a call gets nothing else meanwhile.
 */
public final class Router {
    /** One decision: this chat to this agent. */
    public record Assignment(String chatId, String agentId, int limit, boolean sticky) {}

    private final Map<String, List<AgentSlot>> byGroup = new HashMap<>();
    private final Map<String, AgentSlot> byId = new HashMap<>();

    public Router(Collection<AgentSlot> agents) {
        for (AgentSlot a : agents) {
            byId.put(a.agentId, a);
            for (String g : a.groups) byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(a);
        }
    }

    /** Decides for the whole queue, highest priority and longest waiting first, counting each assignment. */
    public List<Assignment> plan(List<WaitingChat> queue, Map<String, SkillGroup> groups, Instant now) {
        List<WaitingChat> ordered = new ArrayList<>(queue);
        ordered.sort(QUEUE_ORDER);
        List<Assignment> out = new ArrayList<>();
        for (WaitingChat chat : ordered) {
            Assignment a = decide(chat, groups.get(chat.group()), now);
            if (a != null) out.add(a);
        }
        return out;
    }

    /** Priority first (higher), then the longer wait, then the older chat. */
    public static final Comparator<WaitingChat> QUEUE_ORDER = Comparator.comparingInt(WaitingChat::priority).reversed()
            .thenComparing(WaitingChat::queuedAt).thenComparing(WaitingChat::chatId, Comparator.comparingLong(Long::parseLong));

    /** One chat: the agent it goes to (counted in this router's state), or null when nobody in its group is free. */
    public Assignment decide(WaitingChat chat, SkillGroup group, Instant now) {
        if (group == null || !group.enabled()) return null;
        int saturation = group.saturation();
        AgentSlot sticky = chat.preferredAgent() == null ? null : byId.get(chat.preferredAgent());
        int stickySaturation = sticky != null && sticky.groups.contains(group.code()) ? saturation : 0;
        boolean voice = chat.voice();
        if (sticky != null && sticky.free(stickySaturation, voice)) {
            sticky.assigned(now, voice);
            return new Assignment(chat.chatId(), sticky.agentId, sticky.limit(stickySaturation), true);
        }
        AgentSlot best = null;
        boolean bestDeclined = true;
        Comparator<AgentSlot> order = order(group.strategy(), saturation);
        for (AgentSlot a : byGroup.getOrDefault(group.code(), List.of())) {
            if (!a.free(saturation, voice)) continue;
            boolean declined = chat.declined().contains(a.agentId);
            if (best == null || (bestDeclined && !declined) || (bestDeclined == declined && order.compare(a, best) < 0)) {
                best = a;
                bestDeclined = declined;
            }
        }
        if (best == null) return null;
        best.assigned(now, voice);
        return new Assignment(chat.chatId(), best.agentId, best.limit(saturation), false);
    }

    private static Comparator<AgentSlot> order(RoutingStrategy s, int saturation) {
        Comparator<AgentSlot> byId = Comparator.comparing(a -> a.agentId);
        Comparator<AgentSlot> idle = Comparator.comparing((AgentSlot a) -> a.idleSince).thenComparing(byId);
        return switch (s) {
            case ROUND_ROBIN -> Comparator.comparing((AgentSlot a) -> a.lastAssignedAt == null ? Instant.EPOCH : a.lastAssignedAt).thenComparing(byId);
            case LEAST_BUSY -> Comparator.comparingDouble((AgentSlot a) -> (double) a.load / a.limit(saturation)).thenComparing(idle);
            case LONGEST_IDLE -> Comparator.comparingInt((AgentSlot a) -> a.load == 0 ? 0 : 1).thenComparing(idle);
        };
    }

    /** Chats a group's online agents can have at once (for the wait estimate). */
    public int places(SkillGroup group) {
        int n = 0;
        for (AgentSlot a : byGroup.getOrDefault(group.code(), List.of())) {
            if (a.presence.takesChats()) n += a.limit(group.saturation());
        }
        return n;
    }

    /** Agents of a group who take chats at all (for "no agent online" texts and the wait estimate). */
    public int onlineIn(String group) {
        int n = 0;
        for (AgentSlot a : byGroup.getOrDefault(group, List.of())) if (a.presence.takesChats()) n++;
        return n;
    }
}
