package org.openhotline.bot.script;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A conversation written down as turns and expectations, run against the real engine: the bureau's
 * regression suite for its knowledge base, flows and transfer settings.
 *
 * @param config   configuration keys this script changes (bot.transfer.intents: complain …)
 * @param business the sample business service's behaviour for this script (delay-ms, fail)
 */
public record ConversationScript(String name, String file, String channel, Instant start, ZoneId zone,
                                 Map<String, String> config, Map<String, String> business, List<ScriptStep> steps) {
    public ConversationScript {
        config = Map.copyOf(config);
        business = Map.copyOf(business);
        steps = List.copyOf(steps);
    }
}
