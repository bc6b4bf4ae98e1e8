package org.openhotline.desk.presence;

import java.time.Instant;
import org.openhotline.desk.DeskException;
import org.openhotline.desk.DeskParts;
import org.openhotline.desk.chat.ChatAnnouncer;

/**
 * Agents' presence. The profile (name, groups, max chats) is copied from the accounts on every change, so an
 * admin's edit applies at the agent's next sign-in or presence change. Leaving ONLINE gives back pending offers;
 * coming ONLINE routes waiting chats to the agent at once.
 */
public final class PresenceService {
    private final DeskParts parts;
    private final ChatAnnouncer announcer;
    private final Runnable route;

    public PresenceService(DeskParts parts, ChatAnnouncer announcer, Runnable route) {
        this.parts = parts;
        this.announcer = announcer;
        this.route = route;
    }

    public void set(String agentId, Presence presence) {
        if (presence == null) throw DeskException.badInput("presence is required");
        AgentProfile p = parts.directory.find(agentId).orElseThrow(() -> DeskException.notFound("agent " + agentId));
        Instant now = parts.clock.instant();
        parts.agents.presence(p, presence, now, presence == Presence.WRAP_UP ? now.plus(parts.settings.wrapUp()) : null);
        if (!presence.takesChats()) {
            for (String chatId : parts.chats.offersTo(agentId)) parts.chats.returnOffer(chatId, agentId, false, now);
        }
        announcer.presence(agentId);
        route.run();
    }
}
