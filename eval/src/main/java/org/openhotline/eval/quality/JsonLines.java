package org.openhotline.eval.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.eval.quality.QueryFile.BadQueryFile;

/**
 * Reads an eval input in JSON Lines, one object a line (blank lines and a BOM skipped). The first bad line stops the
 * run with a {@link BadQueryFile} naming the file and line: a measurement over a silently shortened set would mislead.
 */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {}

    /** Turns one line's object into a record; {@code where} ("file line n: ") starts each message it throws. */
    @FunctionalInterface
    public interface LineParser<T> {
        T parse(JsonNode node, String where, int line);
    }

    /** {@code one}, {@code many}: what a line holds ("query", "queries"), for the messages of a missing or empty file. */
    public static <T> List<T> read(Path file, String one, String many, LineParser<T> parser) throws IOException {
        if (!Files.isRegularFile(file)) throw new BadQueryFile("no such " + one + " file: " + file);
        List<T> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                String where = file.getFileName() + " line " + n + ": ";
                out.add(parser.parse(object(where, line), where, n));
            }
        } catch (MalformedInputException e) {
            throw new BadQueryFile(file + " is not UTF-8 text");
        }
        if (out.isEmpty()) throw new BadQueryFile(file + " holds no " + many);
        return out;
    }

    /** One line as a JSON object, or a {@link BadQueryFile} starting with {@code where}. */
    private static JsonNode object(String where, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new BadQueryFile(where + "not valid JSON");
        }
        if (node == null || !node.isObject()) throw new BadQueryFile(where + "not a JSON object");
        return node;
    }
}
