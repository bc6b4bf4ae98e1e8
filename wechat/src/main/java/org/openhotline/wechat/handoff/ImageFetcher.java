package org.openhotline.wechat.handoff;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads the bytes of an agent's image, named by the URL the desk gave it, so it can be uploaded to WeChat (the
 * citizen's WeChat cannot open a link to this server). The server may pass its own (reading its file store);
 * the default GETs absolute http(s) URLs, refusing anything above WeChat's 10 MB image limit.
 */
@FunctionalInterface
public interface ImageFetcher {
    int MAX_BYTES = 10 * 1024 * 1024;

    byte[] fetch(String url) throws IOException;

    static ImageFetcher http(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        return url -> {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) throw new IOException("not an http(s) URL: " + url);
            try {
                HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode() + " for " + url);
                    byte[] b = in.readNBytes(MAX_BYTES + 1);
                    if (b.length > MAX_BYTES) throw new IOException("image larger than WeChat's 10 MB: " + url);
                    return b;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted fetching " + url, e);
            }
        };
    }
}
