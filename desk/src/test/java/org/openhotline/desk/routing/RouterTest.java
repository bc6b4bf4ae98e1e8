package org.openhotline.desk.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhotline.desk.group.RoutingStrategy;
import org.openhotline.desk.group.SkillGroup;
import org.openhotline.desk.presence.Presence;

/** Routing decisions over in-memory state: strategies, saturation, sticky agents, declines, priority order. */
class RouterTest {
    static final Instant T = Instant.parse("2026-03-02T02:00:00Z");

    static SkillGroup group(RoutingStrategy s, int saturation) {
        return new SkillGroup("社保", "社保", s, saturation, null, Duration.ZERO, Duration.ofMinutes(10), null, true);
    }

    static AgentSlot agent(String id, int load, int max, int idleMinutesAgo) {
        return new AgentSlot(id, Presence.ONLINE, load, max, Set.of("社保"), T.minus(Duration.ofMinutes(idleMinutesAgo)), null);
    }

    static WaitingChat chat(String id, int priority, int queuedSecondsAgo, String preferred, String... declined) {
        return new WaitingChat(id, "s" + id, "社保", priority, T.minusSeconds(queuedSecondsAgo), preferred, Set.of(declined));
    }

    List<String> agentsOf(List<Router.Assignment> plan) {
        return plan.stream().map(Router.Assignment::agentId).toList();
    }

    @Test
    void roundRobinCyclesThroughTheFreeAgents() {
        Router r = new Router(List.of(agent("a", 0, 5, 1), agent("b", 0, 5, 1), agent("c", 0, 5, 1)));
        SkillGroup g = group(RoutingStrategy.ROUND_ROBIN, 0);
        List<String> got = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) got.add(r.decide(chat(String.valueOf(i), 0, 0, null), g, T.plusSeconds(i)).agentId());
        assertEquals(List.of("a", "b", "c", "a", "b", "c", "a"), got);
    }

    @Test
    void leastBusyFillsTheEmptiestAgentsFirst() {
        Router r = new Router(List.of(agent("a", 2, 3, 1), agent("b", 0, 3, 1), agent("c", 1, 3, 5)));
        List<Router.Assignment> plan = r.plan(List.of(chat("1", 0, 3, null), chat("2", 0, 2, null), chat("3", 0, 1, null), chat("4", 0, 0, null)),
                Map.of("社保", group(RoutingStrategy.LEAST_BUSY, 0)), T);
        assertEquals(List.of("b", "c", "b", "c"), agentsOf(plan), "equal loads go to the longest idle (c)");
    }

    @Test
    void longestIdlePrefersAgentsWithoutChatsWhoseLastEndedLongestAgo() {
        Router r = new Router(List.of(agent("a", 0, 3, 2), agent("b", 0, 3, 30), agent("c", 1, 3, 60)));
        List<Router.Assignment> plan = r.plan(List.of(chat("1", 0, 2, null), chat("2", 0, 1, null)),
                Map.of("社保", group(RoutingStrategy.LONGEST_IDLE, 0)), T);
        assertEquals(List.of("b", "a"), agentsOf(plan));
    }

    @Test
    void saturationCapsBelowTheAgentsOwnMaximum() {
        Router r = new Router(List.of(agent("a", 0, 10, 1)));
        List<Router.Assignment> plan = r.plan(List.of(chat("1", 0, 3, null), chat("2", 0, 2, null), chat("3", 0, 1, null)),
                Map.of("社保", group(RoutingStrategy.LEAST_BUSY, 2)), T);
        assertEquals(2, plan.size());
        assertEquals(2, plan.get(0).limit());
    }

    @Test
    void theCitizensLastAgentWinsWhenFreeOnly() {
        Router r = new Router(List.of(agent("a", 0, 1, 60), agent("b", 0, 1, 1)));
        SkillGroup g = group(RoutingStrategy.LONGEST_IDLE, 0);
        Router.Assignment first = r.decide(chat("1", 0, 0, "b"), g, T);
        assertEquals("b", first.agentId());
        assertEquals(true, first.sticky());
        assertEquals("a", r.decide(chat("2", 0, 0, "b"), g, T).agentId(), "b is full now: the next free agent");
        assertNull(r.decide(chat("3", 0, 0, null), g, T), "nobody free");
    }

    @Test
    void anAgentWhoDeclinedIsTriedLast() {
        Router r = new Router(List.of(agent("a", 0, 2, 60), agent("b", 0, 2, 1)));
        SkillGroup g = group(RoutingStrategy.LONGEST_IDLE, 0);
        assertEquals("b", r.decide(chat("1", 0, 0, null, "a"), g, T).agentId());
        assertEquals("a", new Router(List.of(agent("a", 0, 2, 60))).decide(chat("2", 0, 0, null, "a"), g, T).agentId(), "but not never");
    }

    @Test
    void priorityThenWaitingTimeOrderTheQueue() {
        Router r = new Router(List.of(agent("a", 0, 1, 1)));
        List<Router.Assignment> plan = r.plan(List.of(chat("old", 0, 100, null), chat("vip", 5, 1, null)),
                Map.of("社保", group(RoutingStrategy.LEAST_BUSY, 0)), T);
        assertEquals("vip", plan.get(0).chatId());
        assertEquals(1, plan.size());
    }

    @Test
    void offlineAgentsAndDisabledGroupsGetNothing() {
        AgentSlot away = new AgentSlot("z", Presence.AWAY, 0, 5, Set.of("社保"), T, null);
        assertNull(new Router(List.of(away)).decide(chat("1", 0, 0, null), group(RoutingStrategy.ROUND_ROBIN, 0), T));
        SkillGroup off = new SkillGroup("社保", "社保", RoutingStrategy.ROUND_ROBIN, 0, null, Duration.ZERO, Duration.ofMinutes(1), null, false);
        assertNull(new Router(List.of(agent("a", 0, 1, 1))).decide(chat("1", 0, 0, null), off, T));
    }

    static AgentSlot phoneAgent(String id, int load, boolean phone, boolean onCall) {
        return new AgentSlot(id, Presence.ONLINE, load, 5, Set.of("社保"), T.minus(Duration.ofMinutes(1)), null, phone, onCall);
    }

    static WaitingChat call(String id, int queuedSecondsAgo, String preferred) {
        return new WaitingChat(id, "call-" + id, "社保", 0, T.minusSeconds(queuedSecondsAgo), preferred, Set.of(), true);
    }

    @Test
    void aCallGoesOnlyToAnAgentWhosePhoneRings() {
        SkillGroup g = group(RoutingStrategy.LEAST_BUSY, 0);
        assertNull(new Router(List.of(phoneAgent("a", 0, false, false))).decide(call("1", 0, null), g, T), "no phone: the call waits");
        Router r = new Router(List.of(phoneAgent("a", 0, false, false), phoneAgent("b", 3, true, false)));
        assertEquals("b", r.decide(call("1", 0, "a"), g, T).agentId(), "even the caller's last agent is skipped without a phone");
    }

    @Test
    void anAgentOnACallGetsNoOtherChatOrCall() {
        SkillGroup g = group(RoutingStrategy.LEAST_BUSY, 0);
        Router r = new Router(List.of(phoneAgent("a", 1, true, true)));
        assertNull(r.decide(chat("1", 0, 0, null), g, T), "a text chat waits while the agent talks");
        assertNull(r.decide(call("2", 0, null), g, T), "one call at a time");
    }

    @Test
    void aCallOfferedInAPassBlocksTheAgentForTheRestOfThePass() {
        Router r = new Router(List.of(phoneAgent("a", 0, true, false), phoneAgent("b", 2, false, false)));
        List<Router.Assignment> plan = r.plan(List.of(call("1", 30, null), chat("2", 0, 20, null), call("3", 10, null)),
                Map.of("社保", group(RoutingStrategy.LEAST_BUSY, 0)), T);
        assertEquals(List.of("1", "2"), plan.stream().map(Router.Assignment::chatId).toList());
        assertEquals(List.of("a", "b"), agentsOf(plan), "the text chat goes to b although a has fewer chats; the second call waits");
    }

    @Test
    void textChatsIgnoreWhetherAPhoneRings() {
        Router r = new Router(List.of(phoneAgent("a", 0, false, false)));
        assertEquals("a", r.decide(chat("1", 0, 0, null), group(RoutingStrategy.ROUND_ROBIN, 0), T).agentId());
    }
}
