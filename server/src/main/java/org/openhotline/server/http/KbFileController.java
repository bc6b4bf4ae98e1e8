package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.openhotline.kb.io.EntryFiles;
import org.openhotline.kb.io.ImportResult;
import org.openhotline.kb.io.KnowledgeFileException;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.workflow.DraftImport;
import org.openhotline.kb.workflow.EntrySearch;
import org.openhotline.server.editor.EditorServices;

/**
 * {@code POST /api/admin/kb/import} (an .xlsx or .jsonl file → one draft per changed entry, all or nothing, with a
 * report per refused row) and {@code GET /api/admin/kb/export} (a version, or the entries matching the search filters).
 */
final class KbFileController {
    private final ObjectMapper json;
    private final EditorServices editor;

    KbFileController(ObjectMapper json, EditorServices editor) {
        this.json = json;
        this.editor = editor;
    }

    /**
     * The file as the body with {@code ?filename=…} (curl), or a JSON body {@code {"filename","content"}} with the
     * file in base64 (the console). The file's extension chooses the reader.
     */
    void importFile(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        long max = editor.settings().importMaxBytes();
        String filename;
        byte[] file;
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            byte[] body = read(ctx, max / 3 * 4 + 4096);
            JsonNode node = JsonBody.object(json, new String(body, java.nio.charset.StandardCharsets.UTF_8), "filename, content",
                    List.of("filename", "content"));
            filename = EditorRequest.required(node, "filename", 200);
            try {
                file = Base64.getMimeDecoder().decode(EditorRequest.required(node, "content", Integer.MAX_VALUE));
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "bad_content", "field 'content' must be the file in base64");
            }
        } else {
            filename = ctx.queryParam("filename");
            if (filename == null || filename.isBlank()) throw new BadRequest(400, "missing_filename", "say the file's name in ?filename= (.xlsx or .jsonl)");
            file = read(ctx, max);
        }
        if (file.length > max) throw tooLarge(max);
        ImportResult read;
        try {
            read = EntryFiles.read(new ByteArrayInputStream(file), filename.strip(), filename.strip());
        } catch (KnowledgeFileException e) {
            throw new BadRequest(400, "bad_file", e.getMessage());
        }
        DraftImport.Outcome o = editor.imports().importDrafts(actor, read, filename.strip());
        var body = HttpServer.map("imported", o.imported(), "filename", filename.strip(), "rows", o.rows(), "created", o.created(),
                "edited", o.edited(), "unchanged", o.unchanged(), "changes", o.changeIds(),
                "problems", o.problems().stream().map(p -> HttpServer.map("row", p.row(), "message", p.message())).toList());
        if (o.imported()) {
            ctx.status(201).json(body);
        } else {
            body.put("error", "import_refused");
            body.put("message", o.problems().size() + " row(s) refused; nothing was imported");
            ctx.attribute(EditorRoutes.ANSWERED, true);
            ctx.status(400).json(body);
        }
    }

    void export(Context ctx) {
        String format = ctx.queryParamAsClass("format", String.class).getOrDefault("xlsx").strip().toLowerCase(Locale.ROOT);
        if (!format.equals("xlsx") && !format.equals("jsonl")) throw new BadRequest(400, "bad_format", "format must be xlsx or jsonl");
        String v = ctx.queryParam("version");
        Integer version = v == null || v.isBlank() ? null : EditorRequest.intParam(ctx, "version", 0, 1, Integer.MAX_VALUE);
        EntrySearch.Criteria c = EntrySearchController.criteria(ctx, 0, Integer.MAX_VALUE);
        List<Entry> entries = editor.workflow().search(version, c).hits().stream().map(EntrySearch.Hit::entry).toList();
        int n = version != null ? version : editor.store().currentVersion().map(x -> x.number()).orElse(0);
        boolean filtered = c.text() != null || c.category() != null || c.state() != null || c.expiringWithinDays() != null
                || c.changedFrom() != null || c.changedTo() != null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EntryFiles.write(entries, format, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        FileReply.send(ctx, "knowledge-v" + n + (filtered ? "-filtered" : "") + "." + format,
                format.equals("xlsx") ? FileReply.XLSX : FileReply.JSONL, out.toByteArray());
    }

    private static byte[] read(Context ctx, long max) {
        // the body is read here, not through ctx.body(): uploads may exceed server.max-body-kb up to editor.import-max-mb
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (b.length > max) throw tooLarge(max);
            return b;
        } catch (IOException e) {
            throw new BadRequest(400, "bad_body", "the upload could not be read: " + e.getMessage());
        }
    }

    private static BadRequest tooLarge(long max) {
        return new BadRequest(413, "body_too_large", "the file is larger than " + (max / (1024 * 1024)) + " MB (editor.import-max-mb)");
    }
}
