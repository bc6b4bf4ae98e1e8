package org.openhotline.nlu.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the NLU's data files (word lists, phrases, training sentences): one entry a line, UTF-8, '#'
 * starts a comment, blank lines and a byte-order mark ignored. Every list the product bundles is read
 * the same way, and a bureau's own file in a folder can take a bundled one's place.
 */
public final class LexiconFiles {
    private LexiconFiles() {}

    /** A file bundled in the jar, by absolute resource path. */
    public static List<String> bundled(String resourcePath) {
        try (InputStream in = LexiconFiles.class.getResourceAsStream(resourcePath)) {
            if (in == null) throw new IllegalStateException("missing bundled data file " + resourcePath);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return clean(r.lines().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data file " + resourcePath, e);
        }
    }

    /** {@code dir/name} when that file exists (dir may be null), else the bundled {@code resourceDir + name}. */
    public static List<String> overridable(Path dir, String resourceDir, String name) {
        if (dir != null && Files.isRegularFile(dir.resolve(name))) {
            try {
                return clean(Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read data file " + dir.resolve(name), e);
            }
        }
        return bundled(resourceDir + name);
    }

    /** Lines stripped, without a byte-order mark, blank lines and '#' comments. */
    public static List<String> clean(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            line = line.strip();
            if (line.startsWith("\uFEFF")) line = line.substring(1).strip();
            if (!line.isEmpty() && !line.startsWith("#")) out.add(line);
        }
        return out;
    }
}
