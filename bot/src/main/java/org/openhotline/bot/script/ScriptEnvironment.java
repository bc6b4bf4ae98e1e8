package org.openhotline.bot.script;

import org.openhotline.bot.Conversation;

/**
 * Where scripts run: the server wires the real engine (index, NLU, flows, stores, sample business service)
 * with each script's configuration and clock.
 */
public interface ScriptEnvironment {
    /** A fresh conversation for the script, with empty stores. */
    Conversation start(ConversationScript script, MovableClock clock);

    /** The same stores behind a newly built engine: what a restarted server sees. */
    Conversation restart(ConversationScript script, MovableClock clock);
}
