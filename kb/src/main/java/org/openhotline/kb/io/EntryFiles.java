package org.openhotline.kb.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
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
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".jsonl") || name.endsWith(".json")) {
                CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file), utf8)) {
                    return new JsonlEntryReader().read(r);
                }
            }
            if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
                try (InputStream in = Files.newInputStream(file)) {
                    return new ExcelEntryReader().read(in);
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new KnowledgeFileException(file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new KnowledgeFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
        throw new KnowledgeFileException("unknown knowledge-base format: " + file + " (use .jsonl or .xlsx)");
    }

    public static void write(List<Entry> entries, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (name.endsWith(".xlsx")) {
            try (var out = Files.newOutputStream(tmp)) {
                new ExcelEntryWriter().write(entries, out);
            }
        } else if (name.endsWith(".jsonl")) {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                new JsonlEntryWriter().write(entries, w);
            }
        } else {
            throw new KnowledgeFileException("unknown knowledge-base format: " + file + " (use .jsonl or .xlsx)");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
