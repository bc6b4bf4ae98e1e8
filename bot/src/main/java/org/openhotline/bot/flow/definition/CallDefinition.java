package org.openhotline.bot.flow.definition;

import java.time.Duration;
import java.util.Map;
import org.openhotline.bot.flow.template.Template;

/**
 * The request to a business system once every slot is known (and confirmed).
 *
 * @param body       the JSON body: nested maps and lists whose text leaves are templates (values are JSON-escaped
 *                   by construction), or one template of JSON text whose inserted values are escaped; null for none
 * @param onError    what to do when the system fails, answers non-2xx or not JSON
 * @param onTimeout  what to do when it does not answer within {@code timeout}
 */
public record CallDefinition(String method, Template url, Map<String, Template> headers, Object body, Duration timeout,
                             Outcome onError, Outcome onTimeout) {
    public CallDefinition {
        headers = Map.copyOf(headers);
    }
}
