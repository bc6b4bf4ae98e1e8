package org.openhotline.server.wechat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openhotline.server.desk.DeskUploads;
import org.openhotline.wechat.handoff.ImageFetcher;

/**
 * An agent's image as bytes for WeChat: images agents upload are served at {@code /uploads/<32 hex>.<ext>} from the
 * desk's uploads folder, so they are read from there (no HTTP round trip to ourselves); other absolute URLs are
 * fetched. WebP is refused: WeChat's image media takes JPEG, PNG, GIF and BMP only.
 */
final class UploadedImages implements ImageFetcher {
    private final Path dir;
    private final ImageFetcher remote;

    UploadedImages(Path dir, ImageFetcher remote) {
        this.dir = dir;
        this.remote = remote;
    }

    @Override
    public byte[] fetch(String url) throws IOException {
        if (url.endsWith(".webp")) throw new IOException("WeChat does not take WebP images");
        if (DeskUploads.isOwnUrl(url)) return Files.readAllBytes(dir.resolve(url.substring(DeskUploads.PREFIX.length())));
        return remote.fetch(url);
    }
}
