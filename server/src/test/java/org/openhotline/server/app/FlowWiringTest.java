package org.openhotline.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.bot.flow.definition.FlowDefinition;
import org.openhotline.bot.flow.definition.FlowDefinitionException;
import org.openhotline.nlu.embed.SentenceEmbedder;
import org.openhotline.nlu.sensitive.SensitiveLexicon;
import org.openhotline.server.config.HotlineConfig;

/** How configuration chooses the flows: the business URL switches them on, flows.dir replaces the bundled ones. */
class FlowWiringTest {
    @TempDir
    Path index;

    private static final SentenceEmbedder FLAT = new SentenceEmbedder() {
        public float[] embed(String text) {
            return new float[] {1, 0};
        }

        public int dimension() {
            return 2;
        }

        public String modelId() {
            return "flat-test";
        }
    };

    private HotlineEngine engine(HotlineConfig config) {
        return new HotlineEngine(config, index, Clock.systemDefaultZone(), FLAT, SensitiveLexicon.bundled(),
                org.openhotline.bot.audit.SensitiveAuditLog.NONE);
    }

    @Test
    void noBusinessUrlMeansNoFlows() {
        try (HotlineEngine e = engine(HotlineConfig.defaultsOnly())) {
            assertEquals(List.of(), e.flowEngine().flows());
            assertSame(e.flowEngine(), e.flowEngine(), "built once");
        }
    }

    @Test
    void theBundledFlowsCallTheConfiguredUrl() {
        try (HotlineEngine e = engine(HotlineConfig.defaultsOnly().with("flows.business-url", "http://127.0.0.1:9/"))) {
            assertEquals(List.of("si-payment-records", "hf-withdrawal-progress", "complaint-intake"),
                    e.flowEngine().flows().stream().map(FlowDefinition::id).toList());
        }
    }

    @Test
    void aFlowFolderReplacesTheBundledFlowsAndABadFileIsNamed(@TempDir Path flows) throws Exception {
        Files.writeString(flows.resolve("mine.yml"), """
                id: mine
                slots:
                  - {name: phone, type: phone, prompt: 电话？}
                outcomes:
                  - reply: 好的
                """);
        HotlineConfig config = HotlineConfig.defaultsOnly().with("flows.business-url", "http://127.0.0.1:9").with("flows.dir", flows.toString());
        try (HotlineEngine e = engine(config)) {
            assertEquals(List.of("mine"), e.flowEngine().flows().stream().map(FlowDefinition::id).toList());
        }
        Files.writeString(flows.resolve("mine.yml"), "id: mine\nslots:\n  - {name: phone, type: phone}\n");
        try (HotlineEngine e = engine(config)) {
            FlowDefinitionException ex = assertThrows(FlowDefinitionException.class, e::flowEngine);
            assertTrue(ex.getMessage().startsWith("mine.yml: slots[0].prompt: is required"), ex.getMessage());
        }
    }

    @Test
    void sampleBusinessIsOffByDefault() {
        HotlineConfig c = HotlineConfig.defaultsOnly();
        assertEquals(false, c.bool("sample-business.enabled"), "fake data is never served unless asked for");
        assertEquals(0, c.integer("sample-business.port"));
        assertEquals("", c.string("flows.dir"));
    }
}
