package org.openhotline.bot.flow.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.flow.FlowEngine;

class FlowParserTest {
    private static final Map<String, String> VARS = Map.of("business.base-url", "http://127.0.0.1:9");
    private static final String GOOD = """
            id: demo
            title: 演示
            triggers:
              phrases: [演示流程]
            slots:
              - name: phone
                label: 联系电话
                type: phone
                prompt: 请留下电话。
            call:
              url: ${business.base-url}/x/${slots.phone}
              body:
                phone: ${slots.phone}
            outcomes:
              - when: result.status == "ok"
                reply: 好的 ${result.no}
            """;

    private static FlowDefinition parse(String yaml) {
        return new FlowParser(VARS).parse("demo.yml", yaml);
    }

    private static String error(String yaml) {
        return assertThrows(FlowDefinitionException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void readsAFlow() {
        FlowDefinition d = parse(GOOD);
        assertEquals("demo", d.id());
        assertEquals(List.of(SlotType.PHONE), d.slots().getFirst().types());
        assertEquals(3, d.slots().getFirst().maxFailures());
        assertEquals("POST", d.call().method(), "a body means POST unless told");
        assertEquals(3000, d.call().timeout().toMillis());
        assertTrue(d.call().onError().giveUp(), "an unconfigured error offers a human");
        assertEquals(d.call().onError(), d.call().onTimeout());
    }

    @Test
    void everyBundledFlowLoadsAndIsListed() throws Exception {
        FlowEngine engine = FlowEngine.load(null, r -> null, VARS);
        assertEquals(List.of("si-payment-records", "hf-withdrawal-progress", "complaint-intake"),
                engine.flows().stream().map(FlowDefinition::id).toList());
        Path dir = Path.of("src/main/resources/flows");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(files.map(p -> p.getFileName().toString()).sorted().toList(), FlowEngine.BUNDLED.stream().sorted().toList(),
                    "every file in resources/flows is in FlowEngine.BUNDLED");
        }
        for (FlowDefinition d : engine.flows()) assertNotNull(d.call(), d.id());
    }

    @Test
    void theReadmeExampleIsAValidFlow() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## Task flows");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        FlowDefinition d = new FlowParser(VARS).parse("README.md", yaml);
        assertEquals("hf-withdrawal-progress", d.id());
        assertEquals(2, d.outcomes().size());
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndColumn() {
        String m = error("id: demo\nslots:\n  - name: a\n   type: text\n");
        assertTrue(m.startsWith("demo.yml: not valid YAML at line 4"), m);
    }

    @Test
    void duplicateKeysAreErrors() {
        assertTrue(error("id: a\nid: b\n").contains("Duplicate field 'id'"), "duplicate keys are not silently overwritten");
    }

    @Test
    void misspeltFieldIsNamedWithItsPlace() {
        String m = error(GOOD.replace("prompt: 请留下电话。", "promt: 请留下电话。"));
        assertTrue(m.startsWith("demo.yml: slots[0]: unknown field 'promt'"), m);
        assertTrue(m.contains("prompt"), "the message lists the fields that exist: " + m);
    }

    @Test
    void missingPromptIsNamed() {
        assertEquals("demo.yml: slots[0].prompt: is required", error(GOOD.replace("    prompt: 请留下电话。\n", "")));
    }

    @Test
    void unknownSlotType() {
        String m = error(GOOD.replace("type: phone", "type: telephone"));
        assertTrue(m.startsWith("demo.yml: slots[0].type: unknown slot type 'telephone' (known: id_card, phone"), m);
    }

    @Test
    void badRegularExpression() {
        String m = error(GOOD.replace("type: phone", "type: regex\n    pattern: '(ab'"));
        assertTrue(m.startsWith("demo.yml: slots[0].pattern: not a valid regular expression"), m);
        assertTrue(error(GOOD.replace("type: phone", "type: phone\n    pattern: 'x'")).contains("only a slot of type regex"));
    }

    @Test
    void referenceToAnUnknownSlot() {
        String m = error(GOOD.replace("reply: 好的 ${result.no}", "reply: 好的 ${slots.phnoe}"));
        assertTrue(m.startsWith("demo.yml: outcomes[0].reply: ${slots.phnoe} names no slot of this flow (slots: phone)"), m);
    }

    @Test
    void resultWhereThereIsNoResult() {
        String m = error(GOOD.replace("prompt: 请留下电话。", "prompt: 请留下电话 ${result.x}"));
        assertTrue(m.startsWith("demo.yml: slots[0].prompt: unknown reference ${result.x}: there is no business result here"), m);
    }

    @Test
    void unknownVariable() {
        String m = error(GOOD.replace("${business.base-url}", "${business.url}"));
        assertTrue(m.startsWith("demo.yml: call.url: unknown reference ${business.url}"), m);
        assertTrue(m.contains("business.base-url"), "names the variables that exist: " + m);
    }

    @Test
    void urlMustBeAbsolute() {
        String m = assertThrows(FlowDefinitionException.class,
                () -> new FlowParser(Map.of("business.base-url", "")).parse("demo.yml", GOOD)).getMessage();
        assertEquals("demo.yml: call.url: must give an absolute http(s) URL, but renders to '/x/0'", m);
    }

    @Test
    void templateSyntaxErrorNamesTheField() {
        String m = error(GOOD.replace("reply: 好的 ${result.no}", "reply: 好的 ${result.no"));
        assertTrue(m.startsWith("demo.yml: outcomes[0].reply: '${' at character 4 is not closed"), m);
        m = error(GOOD.replace("when: result.status == \"ok\"", "when: result.status == "));
        assertTrue(m.startsWith("demo.yml: outcomes[0].when: condition"), m);
    }

    @Test
    void structuralMistakes() {
        assertTrue(error(GOOD.replace("outcomes:\n  - when: result.status == \"ok\"\n    reply: 好的 ${result.no}\n", ""))
                .startsWith("demo.yml: outcomes: is required"));
        assertTrue(error(GOOD.replace("  - name: phone", "  - name: Phone")).startsWith("demo.yml: slots[0].name: must be lower-case"));
        assertTrue(error(GOOD + "    ask-again: nothere\n").startsWith("demo.yml: outcomes[0].ask-again: no slot named 'nothere'"));
        assertTrue(error(GOOD.replace("slots:\n", "max-failures: many\nslots:\n")).startsWith("demo.yml: max-failures: must be a whole number, not 'many'"));
        assertTrue(error(GOOD.replace("call:\n", "call:\n  timeout-ms: 5\n")).startsWith("demo.yml: call.timeout-ms: must be between 100 and 60000"));
        assertTrue(error(GOOD.replace("call:\n", "call:\n  method: FETCH\n")).startsWith("demo.yml: call.method: must be one of"));
        assertTrue(error("- a\n- b\n").startsWith("demo.yml: the file must be a mapping"));
        String twice = GOOD.replace("slots:\n", "slots:\n  - name: phone\n    type: text\n    prompt: x\n");
        assertTrue(error(twice).startsWith("demo.yml: slots[1].name: slot 'phone' is defined twice"), error(twice));
    }

    @Test
    void folderErrors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertTrue(assertThrows(FlowDefinitionException.class, () -> FlowEngine.load(dir.resolve("none"), r -> null, VARS))
                .getMessage().startsWith("flow folder not found"));
        assertTrue(assertThrows(FlowDefinitionException.class, () -> FlowEngine.load(dir, r -> null, VARS))
                .getMessage().startsWith("no flow files"));
        Files.writeString(dir.resolve("a.yml"), GOOD, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.yaml"), GOOD, StandardCharsets.UTF_8);
        String m = assertThrows(FlowDefinitionException.class, () -> FlowEngine.load(dir, r -> null, VARS)).getMessage();
        assertEquals("b.yaml: id: flow 'demo' is already defined in a.yml", m);
        Files.writeString(dir.resolve("b.yaml"), GOOD.replace("id: demo", "id: other").replace("type: phone", "type: nope"), StandardCharsets.UTF_8);
        assertTrue(assertThrows(FlowDefinitionException.class, () -> FlowEngine.load(dir, r -> null, VARS)).getMessage()
                .startsWith("b.yaml: slots[0].type"));
    }
}
