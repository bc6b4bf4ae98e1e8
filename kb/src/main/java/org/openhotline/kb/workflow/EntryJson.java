package org.openhotline.kb.workflow;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.openhotline.kb.io.ImportResult;
import org.openhotline.kb.io.JsonlEntryReader;
import org.openhotline.kb.io.JsonlEntryWriter;
import org.openhotline.kb.model.Entry;

/**
 * An entry as one JSON object in the import format (id, category, question, similar, answer, voice_answer,
 * keywords, valid_from, valid_to, status): drafts and the audit store it so, and the API reads it so, with the
 * import's checks.
 */
public final class EntryJson {
    private EntryJson() {}

    public static String write(Entry e) {
        if (e == null) return null;
        StringWriter w = new StringWriter();
        try {
            new JsonlEntryWriter().write(List.of(e), w);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return w.toString().strip();
    }

    /** Reads one entry; a problem (empty question, bad date …) is an {@link WorkflowException} naming it. */
    public static Entry read(String json) {
        if (json == null) return null;
        ImportResult r;
        try {
            r = new JsonlEntryReader().read(new StringReader(json.replace('\n', ' ').replace('\r', ' ')));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (!r.problems().isEmpty()) {
            throw new WorkflowException(WorkflowException.Reason.INVALID, "invalid_entry", "the entry is not valid: " + r.problems().get(0).message());
        }
        if (r.entries().size() != 1) throw new WorkflowException(WorkflowException.Reason.INVALID, "invalid_entry", "send exactly one entry");
        return r.entries().get(0);
    }
}
