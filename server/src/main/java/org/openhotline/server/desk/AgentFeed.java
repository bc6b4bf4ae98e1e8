package org.openhotline.server.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openhotline.desk.Desk;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.queue.QueueEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the desk's events to the agents' sockets on this node: a chat's messages, typing and read marks to the agents
 * in it, offers and transfers to the agents concerned, queue changes to the agents of the group. Runs on the desk's
 * event thread, so it only looks up who is in a chat (cached per chat, refreshed when the chat's people change) and
 * queues frames; the agents' queue lists are rebuilt from one read of the queue at most every {@link #QUEUE_COALESCE_MS} ms,
 * off that thread.
 */
public final class AgentFeed implements Consumer<DeskEvent> {
    private static final Logger log = LoggerFactory.getLogger(AgentFeed.class);
    static final long QUEUE_COALESCE_MS = 250;

    private final Desk desk;
    private final ObjectMapper json;
    private final DeskJson shapes;
    private final SocketRegistry agents;
    private final ScheduledExecutorService timer;
    private final Map<String, Set<String>> chatAgents = new ConcurrentHashMap<>();
    private final Map<String, List<String>> agentGroups = new ConcurrentHashMap<>();
    private final Set<String> allGroups = ConcurrentHashMap.newKeySet();
    private final Set<String> queueDue = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean queueScheduled = new java.util.concurrent.atomic.AtomicBoolean();

    AgentFeed(Desk desk, ObjectMapper json, DeskJson shapes, SocketRegistry agents, ScheduledExecutorService timer) {
        this.desk = desk;
        this.json = json;
        this.shapes = shapes;
        this.agents = agents;
        this.timer = timer;
    }

    /** The groups whose queue an agent's console shows (set on connect). */
    void groupsOf(String agentId, List<String> groups) {
        agentGroups.put(agentId, List.copyOf(groups));
    }

    /** Group leaders and supervisors work every group's call-back list, so they hear of every group's changes. */
    void allCallbackGroups(String agentId, boolean all) {
        if (all) allGroups.add(agentId);
        else allGroups.remove(agentId);
    }

    @Override
    public void accept(DeskEvent event) {
        try {
            route(event);
        } catch (RuntimeException e) { // one bad event must not stop the feed
            log.warn("could not route desk event {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    private void route(DeskEvent event) {
        switch (event) {
            case DeskEvent.MessageAdded e -> {
                String frame = write(Map.of("type", "message", "message", shapes.message(e.message())));
                for (String a : agentsOf(e.message().chatId())) {
                    for (LiveSocket s : agents.of(a)) s.sendMessage(e.message().chatId(), e.message().seq(), frame);
                }
            }
            case DeskEvent.Typing e -> {
                if (!e.typing()) return;
                String frame = write(Map.of("type", "typing", "chatId", e.chatId(), "who", e.who()));
                for (String a : agentsOf(e.chatId())) if (!a.equals(e.who())) send(a, frame);
            }
            case DeskEvent.Read e -> {
                if (!"citizen".equals(e.who())) return;
                String frame = write(Map.of("type", "read", "chatId", e.chatId(), "seq", e.seq()));
                for (String a : agentsOf(e.chatId())) send(a, frame);
            }
            case DeskEvent.ChatOffered e -> chatChanged(e.chatId(), e.agentId());
            case DeskEvent.ChatAccepted e -> chatChanged(e.chatId(), e.agentId());
            case DeskEvent.Transferred e -> chatChanged(e.chatId(), e.fromAgent(), e.toAgent());
            case DeskEvent.Joined e -> chatChanged(e.chatId(), e.agentId(), e.invitedBy());
            case DeskEvent.ChatEnded e -> {
                chatChanged(e.chatId(), e.agentId());
                chatAgents.remove(e.chatId());
            }
            case DeskEvent.PresenceChanged e ->
                    send(e.agentId(), write(Map.of("type", "presence", "presence", e.presence().name(), "activeChats", e.activeChats())));
            case DeskEvent.QueueChanged e -> {
                for (String a : agents.owners()) {
                    List<String> groups = agentGroups.getOrDefault(a, List.of());
                    if (groups.isEmpty() || groups.contains(e.group())) queueLater(a);
                }
            }
            case DeskEvent.QueuePosition e -> { /* the citizen's concern; the agents' queue lists follow QueueChanged */ }
            case DeskEvent.Notice e -> { /* delivered by the desk to the citizen's channel notifier */ }
            case DeskEvent.Callbacks e -> {
                String frame = write(Map.of("type", "callbacks", "group", e.group(), "open", e.open()));
                for (String a : agents.owners()) {
                    if (allGroups.contains(a) || agentGroups.getOrDefault(a, List.of()).contains(e.group())) send(a, frame);
                }
            }
        }
    }

    /** The chat's people changed: re-read it, tell everyone in it before and after (and {@code also}). */
    private void chatChanged(String chatId, String... also) {
        Chat chat = desk.chat(chatId);
        Set<String> before = chatAgents.getOrDefault(chatId, Set.of());
        Set<String> now = people(chat);
        if (chat.status() == ChatStatus.ENDED) chatAgents.remove(chatId);
        else chatAgents.put(chatId, now);
        Set<String> told = new LinkedHashSet<>(before);
        told.addAll(now);
        for (String a : also) if (a != null) told.add(a);
        String frame = write(Map.of("type", "chat", "chat", shapes.chat(chat)));
        for (String a : told) send(a, frame);
    }

    private Set<String> agentsOf(String chatId) {
        Set<String> cached = chatAgents.get(chatId);
        if (cached != null) return cached;
        if (agents.isEmpty()) return Set.of();
        Set<String> now = people(desk.chat(chatId));
        chatAgents.put(chatId, now);
        return now;
    }

    private static Set<String> people(Chat chat) {
        Set<String> s = new LinkedHashSet<>();
        if (chat.agentId() != null) s.add(chat.agentId());
        s.addAll(chat.participants());
        return Set.copyOf(s);
    }

    /** Queues a refresh of the agent's queue list; every agent due within the window is served by one read of the queue. */
    private void queueLater(String agentId) {
        queueDue.add(agentId);
        if (queueScheduled.compareAndSet(false, true)) timer.schedule(this::sendQueues, QUEUE_COALESCE_MS, TimeUnit.MILLISECONDS);
    }

    private void sendQueues() {
        queueScheduled.set(false); // an agent added from now on schedules the next round; those added before are in this one
        List<String> due = new java.util.ArrayList<>();
        for (String a : queueDue) if (queueDue.remove(a)) due.add(a); // one re-added after this is served next round
        try {
            List<QueueEntry> all = desk.queue(null);
            for (String agentId : due) {
                if (!agents.connected(agentId)) continue;
                List<String> groups = agentGroups.getOrDefault(agentId, List.of());
                List<Map<String, Object>> mine = all.stream().filter(q -> groups.isEmpty() || groups.contains(q.skillGroup()))
                        .map(shapes::queueEntry).toList();
                send(agentId, write(Map.of("type", "queue", "queue", mine)));
            }
        } catch (RuntimeException e) {
            log.warn("could not refresh the agents' queue lists: {}", e.toString());
        }
    }

    private void send(String agentId, String frame) {
        for (LiveSocket s : agents.of(agentId)) s.send(frame);
    }

    private String write(Object value) {
        return WebChatNotifier.write(json, value);
    }
}
