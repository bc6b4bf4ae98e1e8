package org.openhotline.kb.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

/** Writes entries in the same JSON Lines form {@link JsonlEntryReader} reads, so an export re-imports unchanged. */
public final class JsonlEntryWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    public void write(List<Entry> entries, Writer out) throws IOException {
        for (Entry e : entries) {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", e.id());
            n.put("category", e.category());
            n.put("question", e.question());
            n.set("similar", JSON.valueToTree(e.similar()));
            n.put("answer", e.answer());
            if (e.voiceAnswer() != null) n.put("voice_answer", e.voiceAnswer());
            if (!e.keywords().isEmpty()) n.set("keywords", JSON.valueToTree(e.keywords()));
            if (e.validFrom() != null) n.put("valid_from", e.validFrom().toString());
            if (e.validTo() != null) n.put("valid_to", e.validTo().toString());
            if (e.status() != EntryStatus.PUBLISHED) n.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
            out.write(JSON.writeValueAsString(n));
            out.write('\n');
        }
    }
}
