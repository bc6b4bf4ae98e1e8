package org.openhotline.eval.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.openhotline.kb.io.EntryFiles;
import org.openhotline.kb.io.ImportResult;
import org.openhotline.kb.model.Entry;
import org.openhotline.server.cli.Args;

/** The {@code --kb FILE} every measurement command takes, read as {@code kb import} reads it. */
final class KnowledgeBaseArg {
    private KnowledgeBaseArg() {}

    /** The entries, or null after printing the row report when the file has bad rows. */
    static List<Entry> read(Args args, PrintStream err) {
        Path file = Path.of(args.required("kb"));
        ImportResult kb = EntryFiles.read(file);
        if (!kb.isClean()) {
            err.println("error: " + file + ": " + kb.report());
            return null;
        }
        return kb.entries();
    }
}
