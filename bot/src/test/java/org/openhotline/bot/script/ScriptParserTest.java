package org.openhotline.bot.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<ConversationScript> parse(String yaml) throws Exception {
        return new ScriptParser().parse(YAML.readTree(yaml), "t.yml");
    }

    @Test
    void readsTurnsExpectationsConfigAndClock() throws Exception {
        List<ConversationScript> s = parse("""
                defaults: {config: {bot.transfer.unknown-streak: "3"}}
                conversations:
                  - name: one
                    clock: 2026-02-17T09:00:00+08:00
                    config: {bot.transfer.intents: [complain, suggest]}
                    turns:
                      - user: 你好
                        expect: {type: answer, contains: [您好, 常问], slots: {phone: "13912345678"}}
                      - advance: 31m
                      - restart: true
                      - rate: unhelpful
                """);
        ConversationScript c = s.get(0);
        assertEquals("one", c.name());
        assertEquals("3", c.config().get("bot.transfer.unknown-streak"));
        assertEquals("complain,suggest", c.config().get("bot.transfer.intents"));
        assertEquals(4, c.steps().size());
        assertEquals(List.of("您好", "常问"), c.steps().get(0).expect().contains());
        assertEquals("13912345678", c.steps().get(0).expect().slots().get("phone"));
        assertEquals(Duration.ofMinutes(31), c.steps().get(1).advance());
        assertTrue(c.steps().get(2).restart());
        assertEquals(Boolean.FALSE, c.steps().get(3).helpful());
        assertEquals("2026-02-17T01:00:00Z", c.start().toString());
    }

    @Test
    void aTypoInAnExpectationIsAnErrorNamingIt() {
        ScriptException e = assertThrows(ScriptException.class, () -> parse("""
                conversations:
                  - name: typo
                    turns:
                      - user: 你好
                        expect: {tpye: answer}
                """));
        assertTrue(e.getMessage().contains("t.yml, conversation 'typo', turn 1, expect: unknown key 'tpye'"), e.getMessage());
    }

    @Test
    void aTurnDoesExactlyOneThing() {
        ScriptException e = assertThrows(ScriptException.class, () -> parse("""
                conversations:
                  - name: two
                    turns:
                      - {user: 你好, advance: 5m}
                """));
        assertTrue(e.getMessage().contains("exactly one of"), e.getMessage());
    }

    @Test
    void badDurationsAndClocksAreNamed() {
        assertTrue(assertThrows(ScriptException.class, () -> parse("""
                conversations:
                  - {name: d, turns: [{advance: soon}]}
                """)).getMessage().contains("bad duration 'soon'"));
        assertTrue(assertThrows(ScriptException.class, () -> parse("""
                conversations:
                  - {name: c, clock: tomorrow, turns: [{user: hi}]}
                """)).getMessage().contains("bad clock"));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThrows(ScriptException.class, () -> parse("conversations: []"));
        assertThrows(ScriptException.class, () -> parse("- just a list"));
    }
}
