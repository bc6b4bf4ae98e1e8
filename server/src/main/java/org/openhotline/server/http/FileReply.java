package org.openhotline.server.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A file the API hands out (an export, a report workbook): as a download, or with {@code ?as=json} as
 * {@code {"filename","contentType","size","base64"}}, which the console fetches through its one authenticated JSON call
 * so that downloads follow whatever sign-in the console uses.
 */
final class FileReply {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String JSONL = "application/x-ndjson; charset=utf-8";

    private FileReply() {}

    static void send(Context ctx, String filename, String contentType, byte[] bytes) {
        String as = ctx.queryParam("as");
        if (as != null && !as.isBlank() && !as.equals("json") && !as.equals("file")) throw new BadRequest(400, "bad_as", "as must be json or file");
        if ("json".equals(as)) {
            ctx.json(HttpServer.map("filename", filename, "contentType", contentType, "size", bytes.length,
                    "base64", Base64.getEncoder().encodeToString(bytes)));
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_")
                + "\"; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.contentType(contentType).result(bytes);
    }
}
