package org.openhotline.desk;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openhotline.bot.handoff.HandoffListener;
import org.openhotline.desk.event.DeskEvents;
import org.openhotline.desk.group.SkillGroup;
import org.openhotline.desk.notice.Notices;
import org.openhotline.desk.presence.AgentDirectory;
import org.openhotline.desk.store.AgentStore;
import org.openhotline.desk.store.ChatStore;
import org.openhotline.desk.store.JdbcSkillGroupStore;
import org.openhotline.desk.store.MessageStore;
import org.openhotline.nlu.sensitive.SensitiveFilter;

/** What the desk's parts share: stores, settings, clock, events and notices. One per desk. */
public final class DeskParts {
    public final DeskSettings settings;
    public final Clock clock;
    public final AgentStore agents;
    public final ChatStore chats;
    public final MessageStore messages;
    public final JdbcSkillGroupStore groups;
    public final DeskEvents events;
    public final Notices notices;
    public final AgentDirectory directory;
    public final Supplier<SensitiveFilter> sensitive;
    public final CitizenSources sources;
    private volatile HandoffListener bot = HandoffListener.NONE;

    public DeskParts(DeskSettings settings, Clock clock, AgentStore agents, ChatStore chats, MessageStore messages, JdbcSkillGroupStore groups,
                     DeskEvents events, Notices notices, AgentDirectory directory, Supplier<SensitiveFilter> sensitive, CitizenSources sources) {
        this.settings = settings;
        this.clock = clock;
        this.agents = agents;
        this.chats = chats;
        this.messages = messages;
        this.groups = groups;
        this.events = events;
        this.notices = notices;
        this.directory = directory;
        this.sensitive = sensitive;
        this.sources = sources;
    }

    public HandoffListener bot() {
        return bot;
    }

    void bot(HandoffListener b) {
        this.bot = b == null ? HandoffListener.NONE : b;
    }

    /** The groups as stored now, by code. */
    public Map<String, SkillGroup> groupMap() {
        return groups.list().stream().collect(Collectors.toMap(SkillGroup::code, g -> g));
    }

    /** A group's definition, or a default one for a code the bot uses but nobody defined (never lose a handoff). */
    public SkillGroup group(String code) {
        return groups.find(code).orElseGet(() -> new SkillGroup(code, code, org.openhotline.desk.group.RoutingStrategy.LEAST_BUSY, 0, null,
                java.time.Duration.ZERO, java.time.Duration.ofMinutes(10), null, true));
    }
}
