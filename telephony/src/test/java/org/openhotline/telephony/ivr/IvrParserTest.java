package org.openhotline.telephony.ivr;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IvrParserTest {

    private static IvrDefinition parse(String yaml) {
        return IvrParser.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml");
    }

    @Test
    void theSampleIvrReadsWithFiveMenuLevelsAndEveryFeatureNode() {
        IvrDefinition d = IvrParser.read(IvrParser.class.getResourceAsStream("/ivr/sample-12345.yml"), "sample");
        assertEquals(4, d.schedule().size());
        assertEquals(5, IvrParser.menuLevels(d).get("social-card-loss-temp"));
        for (Class<?> type : new Class<?>[] {IvrNode.Api.class, IvrNode.Input.class, IvrNode.Transfer.class, IvrNode.Bot.class,
                IvrNode.Voicemail.class, IvrNode.Survey.class, IvrNode.Hangup.class})
            assertTrue(d.nodes().values().stream().anyMatch(type::isInstance), type.getSimpleName());
    }

    @Test
    void everyStaticPromptOfTheSampleIsSynthesisedAheadOfTheFirstCall() throws Exception {
        IvrDefinition d = IvrParser.read(IvrParser.class.getResourceAsStream("/ivr/sample-12345.yml"), "sample");
        java.util.List<String> spoken = new java.util.concurrent.CopyOnWriteArrayList<>();
        var tts = new org.openhotline.voice.tts.SpeechSynthesizer() {
            public org.openhotline.voice.audio.PcmAudio synthesize(String text, java.util.Locale l, int rate) {
                spoken.add(text);
                return org.openhotline.voice.audio.PcmAudio.silence(rate, 10);
            }
            public boolean supports(java.util.Locale l) { return true; }
        };
        new IvrEngine(d, null, new org.openhotline.voice.prompt.Prompts(null, tts)).warmUp().join();
        assertTrue(spoken.contains("感谢您的评价。"), spoken.toString());
        assertTrue(spoken.stream().noneMatch(t -> t.contains("个月的缴费记录")), "prompts reading call data wait for the call");
        assertTrue(spoken.size() > 25, "menus, inputs, texts: " + spoken.size());
    }

    @Test
    void aSixthMenuLevelIsRefusedNamingTheNode() {
        StringBuilder y = new StringBuilder("nodes:\n");
        for (int i = 1; i <= 6; i++)
            y.append("  m").append(i).append(":\n    type: menu\n    prompt: p\n    choices: {\"1\": ").append(i < 6 ? "m" + (i + 1) : "m1").append("}\n");
        var e = assertThrows(IvrDefinitionException.class, () -> parse(y.toString()));
        assertTrue(e.getMessage().contains("nodes.m6") && e.getMessage().contains("at most 5"), e.getMessage());
        assertDoesNotThrow(() -> parse(y.toString().replace("\"1\": m6}", "\"1\": m1}")), "five levels with a loop back up are fine");
    }

    @Test
    void mistakesNameTheFileAndField() {
        assertMessage("nodes:\n  a:\n    type: say\n    prompt: hi\n    next: nowhere\n", "t.yml: nodes.a: goes to unknown node 'nowhere'");
        assertMessage("nodes:\n  a:\n    type: menu\n    prompt: hi\n    choices: {\"12\": a}\n", "nodes.a.choices.12: a choice is one keypad key");
        assertMessage("nodes:\n  a:\n    type: say\n    prompt: hi\n    next: a\n    colour: red\n", "nodes.a: unknown field 'colour'");
        assertMessage("nodes:\n  a:\n    type: dance\n", "nodes.a.type: unknown node type");
        assertMessage("nodes:\n  a:\n    type: api\n    url: x\n    branches:\n      - if: '&&'\n        next: a\n", "nodes.a.branches[0].if");
        assertMessage("schedule:\n  - when: sometimes\n    node: a\nnodes:\n  a: {type: hangup}\n", "schedule[0].when: must be one of");
        assertMessage("language: fr\nnodes:\n  a: {type: hangup}\n", "language: must be zh or en");
    }

    private static void assertMessage(String yaml, String part) {
        var e = assertThrows(IvrDefinitionException.class, () -> parse(yaml));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
