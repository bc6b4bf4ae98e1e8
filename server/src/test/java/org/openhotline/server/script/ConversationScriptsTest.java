package org.openhotline.server.script;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openhotline.bot.script.ConversationScript;
import org.openhotline.bot.script.ScriptParser;
import org.openhotline.bot.script.ScriptResult;
import org.openhotline.bot.script.ScriptRunner;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.app.SampleKnowledgeBase;
import org.openhotline.server.config.HotlineConfig;

/** Every conversation script under ./conversations, one test each, against the real engine: part of ./hotline test. */
class ConversationScriptsTest {
    static final Path DIR = Path.of("..", "conversations");
    static ServerScriptEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = new ServerScriptEnvironment(HotlineConfig.defaultsOnly(), SampleKnowledgeBase.load(), ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        if (env != null) env.close();
    }

    @TestFactory
    Stream<DynamicTest> conversations() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertTrue(files.size() >= 3, "the conversation scripts are missing from " + DIR.toAbsolutePath());
        List<ConversationScript> scripts = new ArrayList<>();
        for (Path f : files) scripts.addAll(new ScriptParser().parse(f));
        ScriptRunner runner = new ScriptRunner(env);
        return scripts.stream().map(s -> DynamicTest.dynamicTest(s.file() + " / " + s.name(), () -> {
            ScriptResult r = runner.run(s);
            assertTrue(r.passed(), String.join("\n", r.failures()));
        }));
    }
}
