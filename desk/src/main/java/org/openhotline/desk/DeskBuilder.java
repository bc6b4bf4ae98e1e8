package org.openhotline.desk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.openhotline.bot.handoff.CitizenNotifier;
import org.openhotline.bot.log.MessageLog;
import org.openhotline.desk.assist.KnowledgeAssist;
import org.openhotline.desk.presence.AgentDirectory;
import org.openhotline.desk.presence.PhoneReach;
import org.openhotline.nlu.sensitive.SensitiveFilter;

/** Builds the desk over a migrated database (Flyway V10); the server calls it once per node. */
public final class DeskBuilder {
    final DataSource db;
    DeskSettings settings = DeskSettings.defaults();
    AgentDirectory agents = id -> java.util.Optional.empty();
    Supplier<SensitiveFilter> sensitive = () -> null;
    MessageLog messageLog;
    KnowledgeAssist assist = KnowledgeAssist.NONE;
    final List<CitizenNotifier> notifiers = new ArrayList<>();
    CitizenSources sources = CitizenSources.NONE;
    String redisUrl;
    String redisPrefix = "hotline:desk:";
    Clock clock = Clock.systemUTC();
    boolean background = true;
    PhoneReach phones = PhoneReach.NOBODY;

    private DeskBuilder(DataSource db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public static DeskBuilder over(DataSource db) {
        return new DeskBuilder(db);
    }

    /** Default: {@link DeskSettings#defaults()}. */
    public DeskBuilder settings(DeskSettings v) { this.settings = v; return this; }
    /** Required in production: agent profiles from the accounts. */
    public DeskBuilder agents(AgentDirectory v) { this.agents = v; return this; }
    /** The live sensitive-word filter (reloaded with the knowledge base); null = no check. */
    public DeskBuilder sensitive(Supplier<SensitiveFilter> v) { this.sensitive = v; return this; }
    public DeskBuilder sensitive(SensitiveFilter v) { this.sensitive = () -> v; return this; }
    /** The bot's message log, for the citizen's earlier bot conversations; null = chats only. */
    public DeskBuilder messageLog(MessageLog v) { this.messageLog = v; return this; }
    public DeskBuilder assist(KnowledgeAssist v) { this.assist = v; return this; }
    /** Citizen channels; add one per channel. */
    public DeskBuilder notifier(CitizenNotifier v) { this.notifiers.add(v); return this; }
    /** Where citizens came from (sub-channel), for {@code source=} priority rules; default unknown. */
    public DeskBuilder sources(CitizenSources v) { this.sources = v; return this; }
    /** Redis URL (redis://host:port) for cross-node events; null or blank = in-process events. */
    public DeskBuilder redis(String url) { this.redisUrl = url == null || url.isBlank() ? null : url; return this; }
    /** Key/channel prefix in Redis (tests use a random one). */
    public DeskBuilder redisPrefix(String v) { this.redisPrefix = v; return this; }
    /** Default: system UTC; tests move it. */
    public DeskBuilder clock(Clock v) { this.clock = v; return this; }
    /** Default true: a timer thread runs {@link DeskEngine#tick()} every second; tests turn it off and tick by hand. */
    public DeskBuilder background(boolean v) { this.background = v; return this; }

    /** Whose phone rings now: phone calls (channel voice) are offered to them only. Default: nobody's. */
    public DeskBuilder phones(PhoneReach v) { this.phones = Objects.requireNonNull(v, "phones"); return this; }

    public DeskEngine build() {
        return new DeskEngine(this);
    }
}
