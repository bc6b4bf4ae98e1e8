package org.openhotline.server.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openhotline.kb.io.ImportResult;
import org.openhotline.kb.io.JsonlEntryReader;
import org.openhotline.kb.model.Entry;

/** The sample knowledge base bundled in the product (社保, 医保, 公积金, 12345), written by the project. */
public final class SampleKnowledgeBase {
    public static final String RESOURCE = "/sample-kb/sample-kb.jsonl";

    private SampleKnowledgeBase() {}

    public static List<Entry> load() {
        try (InputStream in = SampleKnowledgeBase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing from the jar");
            ImportResult r = new JsonlEntryReader().read(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!r.isClean()) throw new IllegalStateException("the bundled sample knowledge base is broken: " + r.report());
            return r.entries();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
