package org.openhotline.wechat.callback;

import java.io.InputStream;
import java.util.Map;

/**
 * One HTTP request to {@code /wechat/callback}, free of any web framework so the server (Javalin) and the tests
 * (the JDK's HTTP server) hand it over the same way. The body is a stream so an oversized one is never read whole.
 */
public record CallbackRequest(String method, Map<String, String> query, InputStream body, String remote) {
    public CallbackRequest {
        query = Map.copyOf(query);
        remote = remote == null ? "?" : remote;
    }

    public String param(String name) {
        String v = query.get(name);
        return v == null ? "" : v;
    }
}
