package org.openhotline.bot.handoff;

/**
 * How the desk reaches a citizen who is with (or waiting for) a person: each channel (web chat, WeChat, later
 * the IVR) implements it and turns a {@link CitizenNotice} into its own protocol. Called on the node where the
 * desk event arrives; an implementation that cannot reach the citizen from this node ignores the notice.
 * Must not throw: a failed delivery is logged by the channel, the message itself is already stored.
 */
public interface CitizenNotifier {
    /** The channel wire names this notifier delivers to ("web", "wechat"). */
    boolean handles(String channel);

    void notify(CitizenNotice notice);

    /**
     * True (default) for a notifier that reaches citizens through a connection held by one node (web chat
     * WebSocket): every node's desk gives it every notice and it ignores citizens it is not connected to.
     * False for one that can reach any citizen from any node (WeChat customer-service API): the desk calls it
     * only on the node where the notice arises, so the citizen gets it once.
     */
    default boolean connectionBound() {
        return true;
    }

    CitizenNotifier NONE = new CitizenNotifier() {
        @Override
        public boolean handles(String channel) {
            return false;
        }

        @Override
        public void notify(CitizenNotice notice) {
            // nobody to tell
        }
    };
}
