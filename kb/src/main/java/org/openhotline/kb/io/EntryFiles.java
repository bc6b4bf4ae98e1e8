package org.openhotline.kb.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.openhotline.kb.model.Entry;

/** Chooses the reader or writer for a knowledge-base file by its extension (.jsonl or .xlsx). */
public final class EntryFiles {
    private EntryFiles() {}

    public static ImportResult read(Path file) {
        if (!Files.isRegularFile(file)) throw new KnowledgeFileException("no such file: " + file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), file.toString());
        } catch (IOException e) {
            throw new KnowledgeFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an upload: {@code name}'s extension (.jsonl/.json or .xlsx) chooses the reader; {@code label} names
     * the source in errors.
     */
    public static ImportResult read(InputStream in, String name, String label) {
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".jsonl") || lower.endsWith(".json")) {
                CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                return new JsonlEntryReader().read(new java.io.InputStreamReader(in, utf8));
            }
            if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) return new ExcelEntryReader().read(in);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new KnowledgeFileException(label + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new KnowledgeFileException("cannot read " + label + ": " + e.getMessage(), e);
        }
        throw new KnowledgeFileException("unknown knowledge-base format: " + label + " (use .jsonl or .xlsx)");
    }

    /** Writes {@code entries} as {@code format} ({@code xlsx} or {@code jsonl}) to a stream the caller closes. */
    public static void write(List<Entry> entries, String format, java.io.OutputStream out) throws IOException {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> new ExcelEntryWriter().write(entries, out);
            case "jsonl" -> {
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                new JsonlEntryWriter().write(entries, w);
                w.flush();
            }
            default -> throw new KnowledgeFileException("unknown knowledge-base format: " + format + " (use jsonl or xlsx)");
        }
    }

    public static void write(List<Entry> entries, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".xlsx") ? "xlsx" : name.endsWith(".jsonl") ? "jsonl" : null;
        if (format == null) throw new KnowledgeFileException("unknown knowledge-base format: " + file + " (use .jsonl or .xlsx)");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = Files.newOutputStream(tmp)) {
            write(entries, format, out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
