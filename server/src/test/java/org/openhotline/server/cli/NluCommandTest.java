package org.openhotline.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fixed contract of ./hotline nlu: one JSON object a line, offsets into the original text. */
class NluCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    String[] run(byte[] input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new NluCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(new Args(new String[] {"--now", "2026-11-23T10:00"}, Set.of("now"), Set.of()), new ByteArrayInputStream(input));
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8).strip().split("\n");
    }

    @Test
    void writesOneObjectPerLineWithTheContractFields() throws Exception {
        String[] lines = run("电话13812345678，明天去办医保\n转人工\n\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(3, lines.length, "an empty line is a message too");
        JsonNode first = JSON.readTree(lines[0]);
        for (String f : new String[] {"text", "normalized", "entities", "intents", "sensitive"}) assertTrue(first.has(f), f);
        JsonNode phone = first.get("entities").get(0);
        assertEquals("phone", phone.get("type").asText());
        assertEquals("13812345678", phone.get("value").asText());
        assertEquals("电话13812345678，明天去办医保".substring(phone.get("start").asInt(), phone.get("end").asInt()), "13812345678");
        boolean date = false;
        for (JsonNode e : first.get("entities")) date |= e.get("type").asText().equals("date") && e.get("value").asText().equals("2026-11-24");
        assertTrue(date, lines[0]);
        JsonNode second = JSON.readTree(lines[1]);
        assertEquals("ask_human", second.get("intents").get(0).get("name").asText());
        assertTrue(second.get("intents").get(0).get("score").asDouble() >= 0.5);
    }

    @Test
    void aLineThatIsNotUtf8GetsAnErrorAndTheNextLineCarriesOn() throws Exception {
        byte[] bad = {(byte) 0xff, (byte) 0xfe, 'x', '\n'};
        byte[] good = "谢谢\n".getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, input, 0, bad.length);
        System.arraycopy(good, 0, input, bad.length, good.length);
        String[] lines = run(input);
        assertTrue(JSON.readTree(lines[0]).has("error"));
        assertEquals("谢谢", JSON.readTree(lines[1]).get("text").asText());
    }

    @Test
    void hugeAndHostileLinesStayBounded() throws Exception {
        String huge = "社保".repeat(60_000) + "\u0000\uD800" + "1".repeat(10_000);
        String[] lines = run((huge + "\n").getBytes(StandardCharsets.UTF_8));
        JsonNode o = JSON.readTree(lines[0]);
        assertTrue(o.get("truncated").asBoolean());
        assertEquals(0, o.get("entities").size(), "a 10,000-digit number is no entity");
    }
}
