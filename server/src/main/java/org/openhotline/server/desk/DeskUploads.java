package org.openhotline.server.desk;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.openhotline.desk.account.Account;
import org.openhotline.server.auth.Gate;
import org.openhotline.server.http.BadRequest;

/**
 * Images agents send: stored under {@code data.dir/uploads} with an unguessable name and served from
 * {@code /uploads/{name}} to the citizen's page. Only PNG, JPEG, GIF and WebP pass (checked by their first bytes, not
 * the declared type), up to {@code server.max-upload-kb}; the file name never comes from the client.
 */
public final class DeskUploads {
    public static final String PREFIX = "/uploads/";
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[0-9a-f]{32}\\.(png|jpg|gif|webp)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path dir;
    private final long maxBytes;

    public DeskUploads(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** True for a URL this server handed out (agents send only those as images). */
    public static boolean isOwnUrl(String url) {
        return url.startsWith(PREFIX) && NAME.matcher(url.substring(PREFIX.length())).matches();
    }

    /** {@code POST /api/desk/uploads}: the image as the raw body → 201 {"url"}. */
    void upload(Context ctx) throws IOException {
        Account me = Gate.require(ctx, AgentChatController.WORKERS);
        byte[] bytes = read(ctx.bodyInputStream());
        String ext = type(bytes);
        if (ext == null) throw new BadRequest(415, "not_an_image", "only PNG, JPEG, GIF or WebP images can be sent");
        Files.createDirectories(dir);
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String name = HexFormat.of().formatHex(id) + "." + ext;
        Files.write(dir.resolve(name), bytes);
        org.slf4j.LoggerFactory.getLogger(DeskUploads.class).info("agent {} uploaded image {} ({} bytes)", me.id(), name, bytes.length);
        ctx.status(201).json(Map.of("url", PREFIX + name));
    }

    /** {@code GET /uploads/{name}}: the stored image, or 404. */
    void serve(Context ctx) throws IOException {
        String url = PREFIX + ctx.pathParam("name");
        if (!isOwnUrl(url)) throw new BadRequest(404, "not_found", "no such image");
        Path file = dir.resolve(ctx.pathParam("name"));
        if (!Files.isRegularFile(file)) throw new BadRequest(404, "not_found", "no such image");
        String ext = url.substring(url.lastIndexOf('.') + 1);
        ctx.contentType("image/" + (ext.equals("jpg") ? "jpeg" : ext));
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(Files.readAllBytes(file));
    }

    private byte[] read(InputStream in) throws IOException {
        byte[] all = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (all.length > maxBytes) throw new BadRequest(413, "body_too_large", "an image may be at most " + maxBytes / 1024 + " KB");
        if (all.length == 0) throw new BadRequest(400, "empty_body", "send the image as the request body");
        return all;
    }

    /** The file type by its magic bytes, or null. */
    static String type(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G')) return "png";
        if (starts(b, 0xFF, 0xD8, 0xFF)) return "jpg";
        if (starts(b, 'G', 'I', 'F', '8')) return "gif";
        if (b.length > 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "webp";
        return null;
    }

    private static boolean starts(byte[] b, int... head) {
        if (b.length < head.length) return false;
        for (int i = 0; i < head.length; i++) if ((b[i] & 0xFF) != head[i]) return false;
        return true;
    }

}
