package org.openhotline.server.telephony;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openhotline.bot.handoff.HandoffKind;
import org.openhotline.bot.handoff.HandoffTicket;
import org.openhotline.desk.Desk;
import org.openhotline.desk.DeskException;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.chat.TransferTarget;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.presence.Presence;
import org.openhotline.telephony.bridge.AgentPhoneBook;
import org.openhotline.telephony.bridge.CallQueue;
import org.openhotline.telephony.bridge.WaitingCall;
import org.openhotline.telephony.sip.Masked;
import org.openhotline.voice.prompt.Prompts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phone calls go through the agent desk exactly like chats: a transferred call becomes a desk chat of channel
 * {@code voice}; while it waits the caller hears music and, at once and every {@code position-every} seconds, their
 * position and estimated wait; the agent the desk offers it to has their phone rung (answered = accepted, not
 * answered = declined, so the desk routes it on). Transfers, leaders joining and the end of the chat in the console
 * act on the call. Desk events reach every node; only the node holding the call (its map) reacts. Events are
 * handled one at a time on one thread, and nothing there blocks on the network.
 */
public final class PhoneQueue implements CallQueue, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PhoneQueue.class);

    private final Desk desk;
    private final AgentPhoneBook phones;
    private final PositionAnnouncer announcer;
    private final String endReason;
    private final Map<String, String> leaders;
    private final CallTrail trail;
    private final Map<String, Held> byChat = new ConcurrentHashMap<>();
    private final ExecutorService serial = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("phone-queue").factory());
    private final AutoCloseable subscription;
    private volatile boolean closed;
    /** Orders enqueue's registration against close: a call is either in close's list or ends its own chat. */
    private final Object closing = new Object();

    /** One call waiting for or talking with an agent, on this node. */
    private static final class Held {
        final WaitingCall call;
        final String chatId;
        final String session;
        final String group;
        volatile int position;
        volatile Duration wait = Duration.ZERO;
        volatile ScheduledFuture<?> announcing;
        String ringing; // the agent whose phone rings now (serial thread only)

        Held(WaitingCall call, String chatId, String session, String group) {
            this.call = call;
            this.chatId = chatId;
            this.session = session;
            this.group = group;
        }
    }

    /**
     * @param leaders    group → the leader's SIP URI for the agent's {@code *3} key ({@code telephony.leaders})
     * @param endReason  the desk's end reason when a side hangs up ({@code telephony.end-reason})
     */
    public PhoneQueue(Desk desk, AgentPhoneBook phones, Prompts prompts, Locale language, Duration positionEvery, String endReason,
                      Map<String, String> leaders, CallTrail trail) {
        this.desk = desk;
        this.phones = phones;
        this.announcer = new PositionAnnouncer(prompts, language, positionEvery);
        this.endReason = endReason;
        this.leaders = Map.copyOf(leaders);
        this.trail = trail;
        this.subscription = desk.subscribe(e -> {
            if (e instanceof DeskEvent.Notice || e instanceof DeskEvent.Typing || e instanceof DeskEvent.Read) return;
            later(() -> on(e));
        });
    }

    @Override
    public boolean enqueue(WaitingCall call) {
        String session = PhoneTexts.session(call.callId());
        HandoffTicket ticket;
        String group;
        try {
            ticket = desk.request(HandoffKind.TRANSFER, PhoneTexts.summary(call, session, trail), null, call.caller());
            // the chat's group: the voice bot may have queued the call in the group of what the caller asked about
            group = Optional.ofNullable(desk.chat(ticket.id()).skillGroup()).orElse(call.group());
        } catch (RuntimeException e) {
            log.error("{}: the desk could not queue the call", call.callId(), e);
            return false;
        }
        Held held = new Held(call, ticket.id(), session, group);
        call.note("chatId", ticket.id()); // the recording names the chat, so the console links one to the other
        held.position = ticket.position();
        if (held.position > 0) { // the first announcement tells the estimated wait too
            desk.queue(group).stream().filter(q -> q.chatId().equals(ticket.id())).findFirst().ifPresent(q -> {
                held.position = q.position();
                held.wait = q.estimatedWait() == null ? Duration.ZERO : q.estimatedWait();
            });
        }
        synchronized (closing) {
            if (closed) { // shut down while the desk queued it: close() has ended the chats it knew of, not this one
                desk.citizenLeft(session);
                log.info("{}: the phone queue is shutting down: desk chat {} ended at once", call.callId(), ticket.id());
                return false;
            }
            byChat.put(ticket.id(), held);
        }
        call.listen(new WaitingCall.Listener() {
            @Override
            public void callerLeft(String agentId) {
                later(() -> PhoneQueue.this.callerLeft(held, agentId));
            }

            @Override
            public void agentLeft(String agentId) {
                later(() -> PhoneQueue.this.agentLeft(held, agentId));
            }

            @Override
            public void referred(String agentId, org.openhotline.telephony.sip.Refer refer) {
                later(() -> PhoneQueue.this.referred(held, agentId, refer));
            }

            @Override
            public void handedOver(String fromAgent, String toAgent) { // the chat follows the voice; the offer is accepted on arrival
                later(() -> desk.transfer(fromAgent, held.chatId, TransferTarget.agent(toAgent), "咨询转接"));
            }
        });
        try {
            held.announcing = announcer.start(call, () -> held.position, () -> held.wait);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            log.debug("{}: no position announcements: shutting down (close ends the chat)", call.callId());
        }
        later(() -> catchUp(held));
        log.info("{}: queued as desk chat {} for {} at position {}", call.callId(), ticket.id(), group, ticket.position());
        return true;
    }

    /** The voice bot may have queued the session before the bridge did, and the desk may have offered it already. */
    private void catchUp(Held held) {
        Chat chat = desk.chat(held.chatId);
        if (chat.status() == ChatStatus.OFFERED && chat.agentId() != null) ring(held, chat.agentId(), false);
        else if (chat.status() == ChatStatus.ACTIVE && chat.agentId() != null) ring(held, chat.agentId(), true);
        else if (chat.status() == ChatStatus.ENDED && byChat.remove(held.chatId, held)) { // its ChatEnded came before we listened
            PositionAnnouncer.stop(held.announcing);
            held.call.noAgent();
        }
    }

    /** On the event thread, after what is queued there; dropped once closed (close ended every call's chat). */
    private void later(Runnable step) {
        try {
            serial.execute(() -> safely(step));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            log.debug("phone queue closed: a late call event is dropped");
        }
    }

    @Override
    public Optional<String> leaderUri(String group) {
        return Optional.ofNullable(leaders.getOrDefault(group, leaders.get("*")));
    }

    private void on(DeskEvent e) {
        switch (e) {
            case DeskEvent.ChatOffered o -> held(o.chatId()).ifPresent(h -> ring(h, o.agentId(), false));
            case DeskEvent.ChatAccepted a -> held(a.chatId()).ifPresent(h -> {
                if (!a.agentId().equals(h.call.agentId()) && !a.agentId().equals(h.ringing)) ring(h, a.agentId(), true); // auto-accept, picked from the queue
            });
            case DeskEvent.QueuePosition p -> held(p.chatId()).ifPresent(h -> {
                h.position = p.position();
                h.wait = p.estimatedWait() == null ? Duration.ZERO : p.estimatedWait();
            });
            case DeskEvent.Transferred t -> held(t.chatId()).ifPresent(h -> {
                if (t.fromAgent().equals(h.call.agentId())) h.call.dropAgent(); // blind transfer: the caller waits with music again
            });
            case DeskEvent.Joined j -> held(j.chatId()).ifPresent(h -> phones.uriOf(j.agentId()).ifPresentOrElse(
                    uri -> h.call.conference(uri).exceptionally(err -> {
                        log.info("{}: leader {} did not join: {}", h.call.callId(), j.agentId(), err.getMessage());
                        return null;
                    }),
                    () -> log.info("{}: leader {} has no phone to join the call", h.call.callId(), j.agentId())));
            case DeskEvent.ChatEnded end -> {
                Held h = byChat.remove(end.chatId());
                if (h == null) break;
                PositionAnnouncer.stop(h.announcing);
                if ("queue-timeout".equals(end.reason())) h.call.noAgent();
                else h.call.finish(); // ended in the console; the caller goes on in the IVR (survey) or is hung up
            }
            default -> { }
        }
    }

    private Optional<Held> held(String chatId) {
        return Optional.ofNullable(byChat.get(chatId));
    }

    /**
     * Rings the agent the desk chose; {@code accepted}: the chat is theirs already (auto-accept, picked from the queue).
     * An offer to someone other than the agent on the line means the chat moved on (blind transfer): that leg goes.
     */
    private void ring(Held h, String agentId, boolean accepted) {
        if (agentId.equals(h.call.agentId())) { // already talking (attended transfer completed): only the desk is behind
            if (!accepted) acceptQuietly(h, agentId);
            return;
        }
        if (agentId.equals(h.ringing)) return;
        if (h.ringing != null) h.call.stopRinging(); // the offer moved on while a phone rang (its agent went away)
        if (h.call.agentId() != null) h.call.dropAgent();
        Optional<String> uri = phones.uriOf(agentId);
        if (uri.isEmpty()) {
            log.info("{}: agent {} has no phone now", h.call.callId(), agentId);
            answered(h, agentId, false, accepted);
            return;
        }
        h.ringing = agentId;
        h.call.ring(agentId, uri.get()).thenAccept(ok -> later(() -> {
            if (agentId.equals(h.ringing)) h.ringing = null;
            answered(h, agentId, ok, accepted);
        }));
    }

    private void answered(Held h, String agentId, boolean ok, boolean accepted) {
        if (h.call.isOver()) return;
        if (ok) { // announcements stay scheduled: they resume by themselves when a transfer puts the caller back in the queue
            // the offer expired or was withdrawn while the phone rang: that agent's leg goes (not a next agent's, already talking)
            if (!accepted && !acceptQuietly(h, agentId) && agentId.equals(h.call.agentId())) h.call.dropAgent();
        } else if (accepted) { // auto-accepted or picked from the queue: back to the queue, and the agent away
            desk.transfer(agentId, h.chatId, TransferTarget.group(h.group), "电话未接通");
            desk.presence(agentId, Presence.AWAY);
        } else {
            // a phone that does not answer would be rung again at once: its agent is set away, like a missed offer
            desk.presence(agentId, Presence.AWAY);
            try {
                desk.decline(agentId, h.chatId);
            } catch (DeskException e) {
                log.debug("{}: decline after no answer: {}", h.call.callId(), e.getMessage()); // already given back
            }
        }
    }

    /** True when the chat is the agent's now (also when they clicked 接入 in the console while the phone rang). */
    private boolean acceptQuietly(Held h, String agentId) {
        try {
            desk.accept(agentId, h.chatId);
            return true;
        } catch (DeskException e) {
            Chat chat = desk.chat(h.chatId);
            if (chat.status() == ChatStatus.ACTIVE && agentId.equals(chat.agentId())) return true;
            log.info("{}: agent {} answered but the desk refused: {}", h.call.callId(), agentId, e.getMessage());
            return false;
        }
    }

    private void callerLeft(Held h, String agentId) {
        if (byChat.remove(h.chatId) == null) return;
        PositionAnnouncer.stop(h.announcing);
        Chat chat = desk.chat(h.chatId);
        if (agentId != null && chat.status() == ChatStatus.ACTIVE && agentId.equals(chat.agentId())) desk.end(agentId, h.chatId, endReason, null);
        else desk.citizenLeft(h.session);
    }

    /**
     * The agent's phone transfer key (REFER to {@code sip:<username>@…}): the console's blind transfer to that agent.
     * The desk refusing (target offline, not an agent) or an unknown user name is a failure NOTIFY; the call stays.
     */
    private void referred(Held h, String agentId, org.openhotline.telephony.sip.Refer refer) {
        Optional<String> target = phones.agentOf(refer.targetUser());
        if (target.isEmpty() || target.get().equals(agentId)) {
            log.info("{}: the phone's transfer target is no agent: refused", h.call.callId());
            refer.progress(404, "Not Found");
            return;
        }
        try {
            desk.transfer(agentId, h.chatId, TransferTarget.agent(target.get()), "电话转接");
        } catch (DeskException e) {
            log.info("{}: the desk refused the phone's transfer to agent {}: {}", h.call.callId(), target.get(), e.getMessage());
            refer.progress(480, "Temporarily Unavailable");
            return;
        } catch (RuntimeException e) {
            refer.progress(500, "Server Internal Error");
            throw e;
        }
        h.call.handOff(refer); // before the desk's Transferred / ChatOffered events, which this thread handles next
    }

    private void agentLeft(Held h, String agentId) {
        if (byChat.remove(h.chatId) == null) return;
        PositionAnnouncer.stop(h.announcing);
        Chat chat = desk.chat(h.chatId);
        if (chat.status() == ChatStatus.ACTIVE && agentId.equals(chat.agentId())) desk.end(agentId, h.chatId, endReason, null);
    }

    /** Attended transfer, step one: the caller hears music while the agent's colleague's phone rings and they talk. */
    public java.util.concurrent.CompletableFuture<Boolean> consult(String chatId, String agentId, String colleagueId) {
        Held h = byChat.get(chatId);
        if (h == null) throw new DeskException("not_found", "no call of chat " + chatId + " on this node");
        if (!agentId.equals(h.call.agentId())) throw DeskException.notYours("you are not talking with this caller");
        String uri = phones.uriOf(colleagueId).orElseThrow(() -> new DeskException("no_phone", "the colleague's phone cannot be rung"));
        return h.call.consult(colleagueId, uri);
    }

    /** Attended transfer done: the colleague, already talking with the caller, gets the chat; the first agent's leg goes. */
    public Chat completeConsult(String chatId, String agentId, String colleagueId) {
        return onSerial(() -> {
            Held h = byChat.get(chatId);
            if (h == null || !agentId.equals(h.call.agentId())) throw DeskException.notYours("you are not talking with this caller");
            if (!h.call.completeConsult()) throw DeskException.badState("no colleague is on the line");
            return desk.transfer(agentId, chatId, TransferTarget.agent(colleagueId), "咨询转接"); // the offer that follows is accepted at once
        });
    }

    /** Runs on the event thread, so that the desk events a step causes are handled after it, and waits for it. */
    private <T> T onSerial(java.util.concurrent.Callable<T> step) {
        try {
            return serial.submit(step).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the phone queue did not answer: " + e);
        }
    }

    public boolean cancelConsult(String chatId, String agentId) {
        Held h = byChat.get(chatId);
        if (h == null || !agentId.equals(h.call.agentId())) throw DeskException.notYours("you are not talking with this caller");
        return h.call.cancelConsult();
    }

    /** Position announcements played so far on this node (tests, status). */
    public long announcements() {
        return announcer.played();
    }

    /** Calls on this node waiting or talking (tests, status). */
    public int calls() {
        return byChat.size();
    }

    /**
     * A failed step is logged and the thread goes on. Messages may carry caller numbers or SIP URIs: the error line
     * has the exception's class and its message masked; the stack (which repeats the message) only at debug.
     */
    static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("phone queue: {}: {}", e.getClass().getName(), Masked.number(e.getMessage()));
            log.debug("phone queue: the failed step's stack", e);
        }
    }

    /**
     * Shutting down: every call's chat on this node ends as if its caller hung up (the SIP agent, closed next, hangs
     * the callers and phones up), after the events already queued; then the threads stop. Safe to call twice.
     */
    @Override
    public void close() {
        synchronized (closing) {
            if (closed) return;
            closed = true;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            log.debug("closing the desk subscription: {}", e.toString());
        }
        announcer.close();
        try {
            int ended = onSerial(() -> {
                var calls = java.util.List.copyOf(byChat.values());
                for (Held h : calls) callerLeft(h, h.call.agentId());
                return calls.size();
            });
            if (ended > 0) log.info("shutting down: ended the desk chats of {} calls", ended);
        } catch (RuntimeException e) {
            log.warn("shutting down: the calls' chats could not all be ended: {}", e.toString());
        }
        serial.shutdown();
        try {
            if (!serial.awaitTermination(5, TimeUnit.SECONDS)) serial.shutdownNow();
        } catch (InterruptedException e) {
            serial.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
