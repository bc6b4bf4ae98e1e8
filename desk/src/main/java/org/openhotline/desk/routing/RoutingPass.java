package org.openhotline.desk.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.desk.DeskParts;
import org.openhotline.desk.chat.ChatAnnouncer;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.group.SkillGroup;
import org.openhotline.desk.queue.QueueEntry;
import org.openhotline.desk.queue.QueueView;
import org.openhotline.desk.store.ChatStore;

/**
 * One routing pass: reads the waiting chats and the online agents from the database, decides in memory
 * ({@link Router}), claims each decision with a conditional UPDATE (a decision another node already took is
 * dropped), then tells waiting citizens their new position and estimated wait. Runs after anything that can
 * free an agent or queue a chat, and on every tick; passes on one node do not overlap.
 */
public final class RoutingPass {
    private final DeskParts parts;
    private final ChatAnnouncer announcer;
    private final QueueView view;
    private final Map<String, Integer> lastWaiting = new HashMap<>();

    public RoutingPass(DeskParts parts, ChatAnnouncer announcer, QueueView view) {
        this.parts = parts;
        this.announcer = announcer;
        this.view = view;
    }

    /** Routes what can be routed; returns the number of chats given to agents. */
    public synchronized int run() {
        Instant now = parts.clock.instant();
        Map<String, SkillGroup> groups = new HashMap<>(parts.groupMap());
        List<ChatStore.Waiting> queued = parts.chats.queued();
        for (ChatStore.Waiting w : queued) groups.computeIfAbsent(w.chat().group(), parts::group);
        List<AgentSlot> agents = parts.agents.routable();
        int routed = 0;
        Set<String> taken = new HashSet<>();
        if (!queued.isEmpty()) {
            Instant expires = now.plus(parts.settings.offerTimeout());
            boolean auto = parts.settings.autoAccept();
            Map<String, String> groupOf = new HashMap<>();
            for (ChatStore.Waiting w : queued) groupOf.put(w.chat().chatId(), w.chat().group());
            List<WaitingChat> waiting = queued.stream().map(ChatStore.Waiting::chat).toList();
            for (Router.Assignment a : new Router(agents).plan(waiting, groups, now)) {
                if (!parts.chats.claim(a.chatId(), a.agentId(), a.limit(), auto, now, expires)) continue;
                taken.add(a.chatId());
                routed++;
                if (auto) announcer.accepted(a.chatId(), a.agentId());
                else parts.events.publish(new DeskEvent.ChatOffered(a.chatId(), a.agentId(), groupOf.get(a.chatId()), expires.toEpochMilli()));
            }
        }
        List<ChatStore.Waiting> still = queued.stream().filter(w -> !taken.contains(w.chat().chatId())).toList();
        tellPositions(routed == 0 ? still : parts.chats.queued(), routed == 0 ? agents : parts.agents.routable(), groups.keySet());
        return routed;
    }

    /** Position and wait for every chat still waiting; only changes are told (one node tells each change). */
    private void tellPositions(List<ChatStore.Waiting> queued, List<AgentSlot> agents, Set<String> groups) {
        Map<String, Integer> waiting = new HashMap<>();
        for (String g : groups) waiting.put(g, 0);
        for (QueueView.Placed p : view.placed(queued, agents, null)) {
            QueueEntry e = p.entry();
            waiting.merge(e.skillGroup(), 1, Integer::sum);
            if (p.waiting().notifiedPosition() == e.position() || !parts.chats.notePosition(e.chatId(), e.position())) continue;
            parts.events.publish(new DeskEvent.QueuePosition(e.chatId(), e.sessionId(), e.skillGroup(), e.position(), e.estimatedWait()));
            parts.notices.send(new CitizenNotice(CitizenNotice.Type.POSITION, e.sessionId(), e.channel(), e.chatId(),
                    view.text(e.position(), e.estimatedWait(), p.places()), null, e.position(), e.estimatedWait(), 0, null, null, Map.of(), List.of(),
                    parts.clock.instant()));
        }
        waiting.forEach((g, n) -> {
            Integer before = lastWaiting.put(g, n);
            if (before == null ? n > 0 : before.intValue() != n) parts.events.publish(new DeskEvent.QueueChanged(g, n));
        });
    }

    /** The chat's entry in the queue now, or null when it is not waiting. */
    public QueueView.Placed place(String chatId) {
        for (QueueView.Placed p : view.placed(parts.chats.queued(), parts.agents.routable(), null)) {
            if (p.entry().chatId().equals(chatId)) return p;
        }
        return null;
    }
}
