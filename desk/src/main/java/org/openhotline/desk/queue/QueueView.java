package org.openhotline.desk.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.desk.DeskParts;
import org.openhotline.desk.group.SkillGroup;
import org.openhotline.desk.routing.AgentSlot;
import org.openhotline.desk.routing.Router;
import org.openhotline.desk.store.ChatStore;

/** The waiting chats in queue order per group, each with its position and estimated wait. */
public final class QueueView {
    private final DeskParts parts;
    private final WaitEstimator estimator;

    public QueueView(DeskParts parts) {
        this.parts = parts;
        this.estimator = new WaitEstimator(parts.settings.defaultHandleTime());
    }

    /** One waiting chat with the position it has now and the position last told to the citizen. */
    public record Placed(QueueEntry entry, ChatStore.Waiting waiting, int places) {}

    /** @param groups the groups to list, or null for all */
    public List<Placed> placed(List<ChatStore.Waiting> queued, Collection<AgentSlot> agents, Collection<String> groups) {
        Map<String, List<ChatStore.Waiting>> byGroup = new HashMap<>();
        for (ChatStore.Waiting w : queued) {
            if (groups == null || groups.contains(w.chat().group())) byGroup.computeIfAbsent(w.chat().group(), k -> new ArrayList<>()).add(w);
        }
        Router router = new Router(agents);
        List<Placed> out = new ArrayList<>();
        for (Map.Entry<String, List<ChatStore.Waiting>> e : byGroup.entrySet()) {
            List<ChatStore.Waiting> list = e.getValue();
            list.sort((x, y) -> Router.QUEUE_ORDER.compare(x.chat(), y.chat()));
            SkillGroup group = parts.group(e.getKey());
            Duration mean = estimator.meanHandle(parts.chats.recentHandleTimes(e.getKey(), parts.settings.etaSample()));
            int places = router.places(group);
            for (int i = 0; i < list.size(); i++) {
                ChatStore.Waiting w = list.get(i);
                out.add(new Placed(new QueueEntry(w.chat().chatId(), w.chat().sessionId(), w.channel(), w.source(), e.getKey(), w.chat().priority(), i + 1,
                        estimator.estimate(i + 1, mean, places), w.chat().queuedAt(), w.reason()), w, places));
            }
        }
        out.sort(java.util.Comparator.comparing((Placed p) -> p.entry().skillGroup()).thenComparingInt(p -> p.entry().position()));
        return out;
    }

    public List<QueueEntry> entries(Collection<String> groups) {
        return placed(parts.chats.queued(), parts.agents.routable(), groups).stream().map(Placed::entry).toList();
    }

    /** "您前面还有 n 位，预计等待约 m 分钟。" (+ the no-agent text when nobody of the group is online). */
    public String text(int position, Duration eta, int places) {
        String t = String.format(parts.settings.text("queued"), Math.max(0, position - 1), Math.max(1, (eta.toSeconds() + 59) / 60));
        return places == 0 ? t + parts.settings.text("agent-offline") : t;
    }
}
