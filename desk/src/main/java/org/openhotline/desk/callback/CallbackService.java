package org.openhotline.desk.callback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openhotline.desk.DeskException;
import org.openhotline.desk.DeskParts;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Callbacks} over {@code callback_task}: merges repeated contacts, checks who may see and move a task, keeps an
 * attempt log in the notes, and announces each group's open count ({@link DeskEvent.Callbacks}) so consoles refresh.
 */
public final class CallbackService implements Callbacks {
    private static final Logger log = LoggerFactory.getLogger(CallbackService.class);
    static final int MAX_NOTE = 1000;

    private final DeskParts parts;
    private final CallbackStore store;
    private final CallbackSettings settings;
    private final MergeLock mergeLock;

    public CallbackService(DeskParts parts) {
        this.parts = parts;
        this.store = new CallbackStore(parts.chats.jdbc());
        this.settings = parts.settings.callbacks();
        this.mergeLock = new MergeLock(store.jdbc());
    }

    @Override
    public CallbackTask create(NewCallback n) {
        if (n == null || n.kind() == null) throw DeskException.badInput("a callback task needs a kind");
        String phone = CallbackPhone.normalise(n.phone());
        NewCallback task = new NewCallback(n.kind(), phone, n.channel(), n.skillGroup(), n.reason(), n.detail(), n.callId(), n.sessionId(),
                n.handoffId(), n.chatId(), n.voiceFile(), n.voiceMillis(), n.message());
        String group = n.skillGroup() == null || n.skillGroup().isBlank() ? parts.settings.defaultGroup() : n.skillGroup();
        Instant now = parts.clock.instant();
        Jdbc.Work<Long> record = c -> {
            Optional<CallbackTask> open = phone == null ? Optional.empty() : CallbackStore.openOfPhone(c, phone, now.minus(settings.mergeWithin()));
            if (open.isPresent() && !(open.get().voiceFile() != null && task.voiceFile() != null)) {
                CallbackStore.merge(c, open.get(), task, now);
                return open.get().id();
            }
            return CallbackStore.insert(c, task, group, now, now.plus(settings.due()));
        };
        // no number, nothing to merge with: no lock (anonymous callers are each their own task)
        long id = phone == null ? store.jdbc().tx("record a callback task", record) : mergeLock.tx("record a callback task", phone, record);
        CallbackTask t = store.find(id).orElseThrow();
        log.info("callback task {} {} for {} in {} ({} contacts)", t.id(), t.kind(), t.maskedPhone(), t.skillGroup(), t.contacts());
        announce(t.skillGroup());
        return t;
    }

    @Override
    public List<CallbackTask> list(CallbackViewer who, CallbackStatus status, String group) {
        return list(who, status, group, 0, MAX_PAGE);
    }

    @Override
    public List<CallbackTask> list(CallbackViewer who, CallbackStatus status, String group, int offset, int limit) {
        if (limit < 1 || limit > MAX_PAGE) throw DeskException.badInput("limit must be 1 to " + MAX_PAGE);
        if (offset < 0) throw DeskException.badInput("offset must not be negative");
        if (group != null && !group.isBlank() && !who.sees(group)) throw DeskException.notYours("not one of your skill groups: " + group);
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (status == null) {
            where.append("((status = 'OPEN'").append(groups(who, args)).append(") OR (status = 'CLAIMED' AND claimed_by = ?)");
            args.add(who.agentId());
            if (who.allGroups()) where.append(" OR status = 'CLAIMED'");
            where.append(')');
        } else if (status == CallbackStatus.CLAIMED && !who.allGroups()) {
            where.append("status = 'CLAIMED' AND claimed_by = ?");
            args.add(who.agentId());
        } else {
            where.append("status = ?").append(groups(who, args));
            args.addFirst(status);
        }
        if (group != null && !group.isBlank()) {
            where.append(" AND skill_group = ?");
            args.add(group);
        }
        return store.list(where.toString(), args, parts.clock.instant(), status == CallbackStatus.DONE, offset, limit);
    }

    /** " AND skill_group IN (…)" for an agent (nothing for leaders and supervisors); an agent of no group sees none. */
    private static String groups(CallbackViewer who, List<Object> args) {
        if (who.allGroups()) return "";
        if (who.groups().isEmpty()) return " AND 1 = 0";
        args.addAll(who.groups());
        return " AND skill_group IN (" + "?, ".repeat(who.groups().size() - 1) + "?)";
    }

    @Override
    public CallbackTask find(CallbackViewer who, long id) {
        CallbackTask t = store.find(id).orElseThrow(() -> DeskException.notFound("callback task " + id));
        if (!who.sees(t.skillGroup()) && !who.agentId().equals(t.claimedBy())) throw DeskException.notYours("this task belongs to another skill group");
        return t;
    }

    @Override
    public CallbackTask claim(CallbackViewer who, long id) {
        CallbackTask t = find(who, id);
        if (!who.sees(t.skillGroup())) throw DeskException.notYours("this task belongs to another skill group");
        Instant now = parts.clock.instant();
        if (store.claim(id, who.agentId(), now, now.minus(settings.claim())) == 0) {
            CallbackTask after = store.find(id).orElseThrow();
            throw DeskException.badState(after.status() == CallbackStatus.DONE ? "this task is done" : "another agent has claimed this task");
        }
        announce(t.skillGroup());
        return store.find(id).orElseThrow();
    }

    @Override
    public CallbackTask attempt(CallbackViewer who, long id, CallbackOutcome outcome, String notes) {
        if (outcome == null) throw DeskException.badInput("outcome is required");
        if (notes != null && notes.length() > MAX_NOTE) throw DeskException.badInput("notes are at most " + MAX_NOTE + " characters");
        CallbackTask t = mine(who, id);
        Instant now = parts.clock.instant();
        int attempts = t.attempts() + (outcome == CallbackOutcome.NO_ANSWER ? 1 : 0);
        boolean done = outcome != CallbackOutcome.NO_ANSWER || attempts >= settings.maxAttempts();
        String line = now + " " + who.agentId() + " " + outcome + (notes == null || notes.isBlank() ? "" : ": " + notes.strip());
        String history = t.notes() == null ? line : t.notes() + "\n" + line;
        moved(store.jdbc().tx("record a callback attempt", c -> CallbackStore.move(c, t, who.agentId(), done ? CallbackStatus.DONE : CallbackStatus.OPEN,
                outcome, history, attempts, done ? now : null)));
        announce(t.skillGroup());
        return store.find(id).orElseThrow();
    }

    @Override
    public CallbackTask release(CallbackViewer who, long id) {
        CallbackTask t = mine(who, id);
        moved(store.jdbc().tx("release a callback task", c -> CallbackStore.move(c, t, who.agentId(), CallbackStatus.OPEN, t.outcome(), t.notes(),
                t.attempts(), null)));
        announce(t.skillGroup());
        return store.find(id).orElseThrow();
    }

    @Override
    public int expireClaims() {
        List<String> groups = store.expire(parts.clock.instant().minus(settings.claim()));
        for (String g : groups) announce(g);
        return groups.size();
    }

    /** The task, when the viewer holds its claim. */
    private CallbackTask mine(CallbackViewer who, long id) {
        CallbackTask t = find(who, id);
        if (t.status() != CallbackStatus.CLAIMED) throw DeskException.badState("claim the task first");
        if (!who.agentId().equals(t.claimedBy())) throw DeskException.notYours("another agent has claimed this task");
        return t;
    }

    private static void moved(int rows) {
        if (rows == 0) throw DeskException.badState("the task moved on meanwhile (its claim lapsed and another agent took it)");
    }

    private void announce(String group) {
        try {
            parts.events.publish(new DeskEvent.Callbacks(group, store.openCount(group)));
        } catch (RuntimeException e) {
            log.warn("could not announce the callback list of {}: {}", group, e.toString()); // consoles also refresh on their own
        }
    }
}
