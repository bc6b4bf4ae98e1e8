package org.openhotline.wechat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.openhotline.wechat.callback.CallbackRequest;
import org.openhotline.wechat.callback.CallbackResponse;

/** Tests' HTTP front for a channel (the product mounts it on Javalin): real HTTP on a random port. */
final class CallbackServer implements AutoCloseable {
    private final HttpServer server;

    CallbackServer(WechatChannel channel) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/wechat/callback", ex -> {
            Map<String, String> q = new HashMap<>();
            String raw = ex.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String kv : raw.split("&")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) q.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            CallbackResponse r = channel.handle(new CallbackRequest(ex.getRequestMethod(), q, ex.getRequestBody(), "test"));
            byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.sendResponseHeaders(r.status(), b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/wechat/callback";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
