package org.openhotline.bot.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.openhotline.bot.message.ReplyOption;

/**
 * What the bot remembers of one citizen between messages: the options it last offered (so "2" means
 * something), the topic of the last answer (for follow-ups), the running task flow, and the counters the
 * transfer policy reads. Serialised as JSON into the session store after every turn, so a restart or
 * another node continues the conversation. Not thread-safe: the conversation serialises turns per session.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ConversationSession {
    private String id;
    private String channel;
    private SessionMode mode = SessionMode.BOT;
    private List<ReplyOption> offered = List.of();
    private int fallbackStreak;
    private Topic topic;
    /** The normalised text of the last answered question and its entry, to see the same question again. */
    private String lastAnsweredQuery;
    private String lastAnsweredEntry;
    /** A human was offered (button) and the next "好/是" takes it. */
    private String humanOffered;
    /** The running flow's state as the flow engine serialised it; null when no flow runs. */
    private String flowState;
    /** Partial message being left outside service hours (text, then a phone number). */
    private String pendingMessage;
    private String handoffId;
    /** In RATING mode: the chat rated already, so the next free text is its comment; null while the level is awaited. */
    private String ratedChat;
    /** The wire type of the bot's last reply: the transfer policy reads "after a clarify", "after an answer". */
    private String lastReply;
    /** Intents and entities ("phone=139…") the citizen's messages carried, for the agent's summary; bounded. */
    private List<String> notedIntents = List.of();
    private List<String> notedEntities = List.of();
    private int abuseStrikes;
    private int turns;
    private Instant createdAt;
    private Instant lastSeen;
    /** Store version for optimistic updates across nodes; not part of the conversation. */
    private transient long version;

    ConversationSession() {
        // for Jackson
    }

    public ConversationSession(String id, String channel, Instant now) {
        this.id = id;
        this.channel = channel;
        this.createdAt = now;
        this.lastSeen = now;
    }

    public String id() { return id; }
    public String channel() { return channel; }
    public SessionMode mode() { return mode; }
    public void mode(SessionMode m) { this.mode = m; }
    public List<ReplyOption> offered() { return offered; }
    public void offer(List<ReplyOption> options) { this.offered = List.copyOf(options); }
    public int fallbackStreak() { return fallbackStreak; }
    public void recordFallback(boolean fellBack) { fallbackStreak = fellBack ? fallbackStreak + 1 : 0; }
    public Topic topic() { return topic; }
    public void topic(Topic t) { this.topic = t; }
    public String lastAnsweredQuery() { return lastAnsweredQuery; }
    public String lastAnsweredEntry() { return lastAnsweredEntry; }

    public void answered(String query, String entryId) {
        this.lastAnsweredQuery = query;
        this.lastAnsweredEntry = entryId;
    }

    public String humanOffered() { return humanOffered; }
    public void offerHuman(String reason) { this.humanOffered = reason; }
    public String flowState() { return flowState; }
    public void flowState(String json) { this.flowState = json; }
    public String pendingMessage() { return pendingMessage; }
    public void pendingMessage(String text) { this.pendingMessage = text; }
    public String handoffId() { return handoffId; }
    public void handoffId(String id) { this.handoffId = id; }
    public String ratedChat() { return ratedChat; }
    public void ratedChat(String chatId) { this.ratedChat = chatId; }
    public String lastReply() { return lastReply; }
    public void lastReply(String type) { this.lastReply = type; }
    public List<String> notedIntents() { return notedIntents; }
    public List<String> notedEntities() { return notedEntities; }

    /** Keeps what a message said for the handoff summary: most recent first, no duplicates, at most {@code max} each. */
    public void note(List<String> intents, List<String> entities, int max) {
        notedIntents = merge(intents, notedIntents, max);
        notedEntities = merge(entities, notedEntities, max);
    }

    private static List<String> merge(List<String> fresh, List<String> old, int max) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(fresh);
        out.addAll(old);
        return out.stream().limit(max).toList();
    }

    public int abuseStrikes() { return abuseStrikes; }
    public int strikeAbuse() { return ++abuseStrikes; }
    public int turns() { return turns; }
    public void countTurn() { turns++; }
    public Instant createdAt() { return createdAt; }
    public Instant lastSeen() { return lastSeen; }
    public void touch(Instant now) { lastSeen = now; }
    public long version() { return version; }
    public void version(long v) { this.version = v; }
}
