package org.openhotline.server.app;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.openhotline.bot.handoff.CitizenNotifier;
import org.openhotline.bot.handoff.HandoffListener;
import org.openhotline.desk.DeskBuilder;
import org.openhotline.desk.DeskEngine;
import org.openhotline.desk.DeskSettings;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.server.desk.DeskWeb;
import org.openhotline.server.desk.People;
import org.openhotline.server.desk.SocketRegistry;

/**
 * Wires the agent desk from configuration so HotlineApp only hooks it in: the desk engine over the database (events
 * through Redis when {@code redis.url} is set), the web chat as a citizen channel, the live index as its knowledge
 * assist, and its web face. The desk is built before the conversation (it is the bot's handoff) and told of the
 * conversation afterwards ({@link #attach}).
 */
final class DeskWiring implements AutoCloseable {
    private final DeskEngine desk;
    private final DeskWeb web;

    private DeskWiring(DeskEngine desk, DeskWeb web) {
        this.desk = desk;
        this.web = web;
    }

    /** {@code others}: further citizen channels (WeChat) the desk notifies. */
    /** {@code phones}: whose phone rings, so that phone calls are offered only to them. */
    static DeskWiring start(HotlineConfig config, DataSource db, HotlineEngine engine, ConversationStores stores, People people,
                            org.openhotline.desk.presence.PhoneReach phones, Path data, CitizenNotifier... others) {
        SocketRegistry citizens = new SocketRegistry();
        DeskBuilder b = DeskBuilder.over(db)
                .settings(DeskSettings.fromTree(config.tree("desk")))
                .agents(id -> people.find(id).map(People::profile))
                .phones(phones)
                .sensitive(engine::sensitiveFilter)
                .messageLog(stores.messages())
                .assist(new org.openhotline.server.desk.LiveIndexAssist(engine, engine.clock()))
                .notifier(DeskWeb.notifier(citizens))
                .redis(config.string("redis.url"))
                .redisPrefix(config.string("redis.prefix") + "desk:");
        for (CitizenNotifier n : others) b.notifier(n);
        DeskEngine desk = b.build();
        DeskWeb web = new DeskWeb(desk, people, citizens, data.resolve("uploads"), config.integer("server.max-upload-kb") * 1024L)
                .voiceMessages(org.openhotline.server.telephony.TelephonyWiring.messagesDir(config, data));
        return new DeskWiring(desk, web);
    }

    /** The conversation's stores with the desk as the handoff (it records messages left and call-backs where they went before) and the ratings' sink. */
    ConversationStores stores(ConversationStores stores) {
        return stores.withDesk(desk);
    }

    /** The bot, told when a chat ends (rating mode) or times out in the queue (message / call back). */
    void attach(HandoffListener bot) {
        desk.attach(bot);
    }

    DeskEngine desk() {
        return desk;
    }

    DeskWeb web() {
        return web;
    }

    @Override
    public void close() {
        web.close();
        desk.close();
    }
}
