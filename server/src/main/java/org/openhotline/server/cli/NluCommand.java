package org.openhotline.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.Analyzer;
import org.openhotline.nlu.entity.Entity;
import org.openhotline.nlu.intent.Intent;
import org.openhotline.nlu.sensitive.Direction;
import org.openhotline.nlu.sensitive.SensitiveHit;

/**
 * {@code ./hotline nlu}: one message a line on standard input, one JSON object a line out (a fixed
 * contract other tools call). A line that cannot be read becomes an object with an {@code error} and the
 * next line carries on.
 */
final class NluCommand {
    static final String HELP = """
            usage: ./hotline nlu [--now 2026-11-23T10:00]

            Reads one message per line on standard input (UTF-8) and writes one JSON object per line:
              {"text","normalized","entities":[{"type","value","start","end"}],"intents":[{"name","score"}],
               "sensitive":[{"category","word","start","end","action"}]}
            Offsets index the original text (UTF-16, end exclusive). --now fixes the clock for relative dates
            (明天, 下周三, 上个月). A line that is not valid UTF-8 yields {"line":N,"error":"…"}.
            """;

    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;

    NluCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args, InputStream in) throws IOException {
        if (args.help()) {
            out.print(HELP);
            return 0;
        }
        LocalDateTime now;
        try {
            now = args.option("now") == null ? LocalDateTime.now() : LocalDateTime.parse(args.option("now"));
        } catch (DateTimeParseException e) {
            throw new Args.UsageException("--now takes a local date-time such as 2026-11-23T10:00, not '" + args.option("now") + "'");
        }
        Analyzer analyzer = Analyzer.bundled();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int n = 0;
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                emit(analyzer, ++n, line.toByteArray(), now);
                line.reset();
            } else {
                line.write(b);
            }
        }
        if (line.size() > 0) emit(analyzer, ++n, line.toByteArray(), now);
        out.flush();
        return 0;
    }

    private void emit(Analyzer analyzer, int lineNo, byte[] bytes, LocalDateTime now) throws IOException {
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') len--;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            ObjectNode err = json.createObjectNode();
            err.put("line", lineNo);
            err.put("error", "line " + lineNo + " is not valid UTF-8");
            out.println(json.writeValueAsString(err));
            return;
        }
        out.println(json.writeValueAsString(toJson(analyzer.analyze(text, Direction.INBOUND, now))));
    }

    ObjectNode toJson(Analysis a) {
        ObjectNode o = json.createObjectNode();
        o.put("text", a.text().original());
        o.put("normalized", a.text().normalized());
        ArrayNode entities = o.putArray("entities");
        for (Entity e : a.entities()) {
            ObjectNode x = entities.addObject();
            x.put("type", e.type().wireName());
            x.put("value", e.value());
            x.put("start", e.start());
            x.put("end", e.end());
        }
        ArrayNode intents = o.putArray("intents");
        for (Intent i : a.intents()) {
            ObjectNode x = intents.addObject();
            x.put("name", i.name());
            x.put("score", Math.round(i.score() * 1000) / 1000.0);
        }
        ArrayNode sensitive = o.putArray("sensitive");
        for (SensitiveHit h : a.sensitive().hits()) {
            ObjectNode x = sensitive.addObject();
            x.put("category", h.category().wireName());
            x.put("word", h.word());
            x.put("start", h.start());
            x.put("end", h.end());
            x.put("action", h.action().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (a.truncated()) o.put("truncated", true);
        return o;
    }
}
