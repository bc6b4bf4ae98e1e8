package org.openhotline.bot.flow.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** One call to a bureau's business system, fully rendered; {@code body} is JSON or null. */
public record BusinessRequest(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {
    public BusinessRequest {
        headers = Map.copyOf(headers);
    }
}
