package org.openhotline.server.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.openhotline.desk.Desk;
import org.openhotline.desk.DeskException;
import org.openhotline.desk.DeskSnapshot;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Role;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatMessage;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.chat.Sender;
import org.openhotline.desk.presence.Presence;
import org.openhotline.server.auth.Gate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two live connections: {@code /ws/agent} (the console; the session cookie is checked on the upgrade) and
 * {@code /ws/chat?session=…} (the citizen's web chat; the chat session id is its key, as for POST /api/chat). Both
 * resume: the browser names the last sequence number it holds per chat, the server replays what came after, then the
 * live frames follow with duplicates dropped.
 */
public final class DeskSockets {
    private static final Logger log = LoggerFactory.getLogger(DeskSockets.class);
    static final int REPLAY_LIMIT = 1_000;
    private static final String SOCKET = "hotline.desk.socket";
    private static final String OWNER = "hotline.desk.owner";
    /** Chat ids this citizen socket was found to own: typing frames come at keystroke rate, so ownership is read once. */
    private static final String OWNED = "hotline.desk.owned";
    /** An agent whose last console socket on this node closed and who did not come back within this time is set offline. */
    static final long OFFLINE_AFTER_SECONDS = 30;

    private final Desk desk;
    private final ObjectMapper json;
    private final DeskJson shapes;
    private final AgentFeed feed;
    private final SocketRegistry agents;
    private final SocketRegistry citizens;
    private final ExecutorService outboxes;
    private final java.util.concurrent.ScheduledExecutorService timer;

    DeskSockets(Desk desk, ObjectMapper json, DeskJson shapes, AgentFeed feed, SocketRegistry agents, SocketRegistry citizens,
                ExecutorService outboxes, java.util.concurrent.ScheduledExecutorService timer) {
        this.desk = desk;
        this.json = json;
        this.shapes = shapes;
        this.feed = feed;
        this.agents = agents;
        this.citizens = citizens;
        this.outboxes = outboxes;
        this.timer = timer;
    }

    void register(Javalin app) {
        app.wsBeforeUpgrade("/ws/agent", ctx -> Gate.require(ctx, Role.AGENT, Role.GROUP_LEADER));
        app.ws("/ws/agent", ws -> {
            ws.onConnect(this::agentConnected);
            ws.onClose(this::agentClosed);
            ws.onError(this::agentClosed);
        });
        app.ws("/ws/chat", ws -> {
            ws.onConnect(this::citizenConnected);
            ws.onMessage(ctx -> citizenSaid(ctx, ctx.message()));
            ws.onClose(ctx -> closed(ctx, citizens));
            ws.onError(ctx -> closed(ctx, citizens));
        });
    }

    private void agentConnected(WsContext ctx) {
        Account me = Gate.account(ctx);
        String agentId = People.idOf(me);
        ctx.enableAutomaticPings();
        LiveSocket socket = socket(ctx, "agent-" + agentId);
        Map<String, Long> resume = Resume.parse(ctx.queryParam("resume"));
        resume.forEach(socket::seen);
        feed.groupsOf(agentId, me.skillGroups());
        feed.allCallbackGroups(agentId, me.has(org.openhotline.desk.account.Role.GROUP_LEADER, org.openhotline.desk.account.Role.SUPERVISOR));
        socket.replay(direct -> {
            DeskSnapshot snap = desk.snapshot(agentId);
            if (snap.agent().presence() == Presence.OFFLINE) { // opening the console is signing in to the desk
                desk.presence(agentId, Presence.ONLINE);
                snap = desk.snapshot(agentId);
            }
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("type", "snapshot");
            frame.put("presence", snap.agent().presence().name());
            frame.put("chats", snap.chats().stream().map(shapes::chat).toList());
            frame.put("queue", snap.queue().stream().map(shapes::queueEntry).toList());
            direct.frame(write(frame));
            for (Chat c : snap.chats()) {
                for (ChatMessage m : desk.messages(c.chatId(), resume.getOrDefault(c.chatId(), 0L), REPLAY_LIMIT)) {
                    direct.message(m.chatId(), m.seq(), write(Map.of("type", "message", "message", shapes.message(m))));
                }
            }
        });
        ctx.attribute(OWNER, agentId);
        agents.add(agentId, socket);
    }

    /**
     * {@code chat} and {@code after}: the chat the page was in and the last seq it shows; {@code own=1} on a fresh page
     * (a reload) also replays the citizen's own messages, which a page that stayed open already shows.
     */
    private void citizenConnected(WsContext ctx) {
        String session = ctx.queryParam("session");
        if (session == null || session.isBlank() || session.length() > 100) {
            ctx.closeSession(4400, "session required");
            return;
        }
        ctx.enableAutomaticPings();
        LiveSocket socket = socket(ctx, "chat-" + session.hashCode());
        String chatId = ctx.queryParam("chat");
        long after = Resume.number(ctx.queryParam("after"));
        boolean own = "1".equals(ctx.queryParam("own"));
        if (chatId != null && !chatId.isBlank()) {
            socket.seen(chatId, after);
            socket.replay(direct -> {
                Chat chat = citizenChat(session, chatId);
                if (chat == null) return;
                direct.frame(write(citizenState(chat)));
                for (ChatMessage m : desk.messages(chatId, after, REPLAY_LIMIT)) {
                    if (!DeskJson.citizenSees(m) || (m.sender() == Sender.CITIZEN && !own)) continue;
                    direct.message(chatId, m.seq(), write(Map.of("type", "message", "message", shapes.message(m))));
                }
            });
        }
        ctx.attribute(OWNER, session);
        citizens.add(session, socket);
    }

    private Map<String, Object> citizenState(Chat chat) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "state");
        m.put("chatId", chat.chatId());
        m.put("state", chat.status().name());
        m.put("agentName", chat.status() == ChatStatus.ACTIVE ? shapes.chat(chat).get("agentName") : null);
        return m;
    }

    /** The chat when it belongs to {@code session}; null otherwise (a stale or foreign id is ignored, not an error). */
    private Chat citizenChat(String session, String chatId) {
        try {
            Chat c = desk.chat(chatId);
            return session.equals(c.sessionId()) ? c : null;
        } catch (DeskException e) {
            return null;
        }
    }

    private boolean owns(WsContext ctx, String session, String chatId) {
        java.util.Set<String> owned = ctx.attribute(OWNED);
        if (owned == null) {
            owned = java.util.concurrent.ConcurrentHashMap.newKeySet();
            ctx.attribute(OWNED, owned);
        }
        if (owned.contains(chatId)) return true;
        if (citizenChat(session, chatId) == null) return false;
        if (owned.size() < 64) owned.add(chatId); // a page has a handful of chats; a flood of ids is checked each time
        return true;
    }

    /** The citizen's page says it is typing or has read up to a seq: {"type":"typing","chatId"} / {"type":"read","chatId","seq"}. */
    private void citizenSaid(WsContext ctx, String text) {
        String session = ctx.attribute(OWNER);
        try {
            JsonNode n = json.readTree(text);
            String chatId = n.path("chatId").asText(null);
            if (session == null || chatId == null || !owns(ctx, session, chatId)) return;
            switch (n.path("type").asText("")) {
                case "typing" -> desk.typing(chatId, "citizen", true);
                case "read" -> desk.read(chatId, "citizen", n.path("seq").asLong(0));
                default -> { }
            }
        } catch (Exception e) {
            log.info("ignored a web chat socket frame: {}", e.toString());
        }
    }

    private LiveSocket socket(WsContext ctx, String id) {
        LiveSocket socket = new LiveSocket(id, ctx::send, () -> ctx.closeSession(4408, "too far behind"), outboxes);
        ctx.attribute(SOCKET, socket);
        return socket;
    }

    /**
     * A console closed: once the agent has had no console on this node for {@link #OFFLINE_AFTER_SECONDS} (a reload comes
     * back sooner), they are set offline, so a vanished browser does not keep receiving offers. (With several nodes an
     * agent who moved to another node within that time is set offline too and comes back online on their next reconnect.)
     */
    private void agentClosed(WsContext ctx) {
        closed(ctx, agents);
        String agentId = ctx.attribute(OWNER);
        // the node is stopping: its sockets close all at once, and the agents come back on their consoles' reconnect
        if (agentId == null || agents.connected(agentId) || timer.isShutdown()) return;
        try {
            scheduleOffline(agentId);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // shut down between the check and the schedule: same as above
        }
    }

    private void scheduleOffline(String agentId) {
        timer.schedule(() -> {
            if (agents.connected(agentId)) return;
            try {
                desk.presence(agentId, Presence.OFFLINE);
                log.info("agent {} has no console open: set offline", agentId);
            } catch (RuntimeException e) {
                log.warn("could not set agent {} offline: {}", agentId, e.toString());
            }
        }, OFFLINE_AFTER_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static void closed(WsContext ctx, SocketRegistry registry) {
        LiveSocket socket = ctx.attribute(SOCKET);
        String owner = ctx.attribute(OWNER);
        if (socket == null) return;
        socket.markClosed();
        if (owner != null) registry.remove(owner, socket);
    }

    private String write(Object value) {
        return WebChatNotifier.write(json, value);
    }
}
