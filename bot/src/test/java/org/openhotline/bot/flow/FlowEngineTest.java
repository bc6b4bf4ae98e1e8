package org.openhotline.bot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.bot.flow.FlowStep.Kind;
import org.openhotline.bot.flow.http.BusinessRequest;
import org.openhotline.bot.flow.http.BusinessResponse;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.sensitive.Direction;

/**
 * The engine's mechanics on a small flow of its own, with the business system replaced by a recorder
 * (the bundled flows run against the real sample service in the server module's SampleFlowsTest).
 */
class FlowEngineTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 6, 10, 10, 0);
    private static final String LOOKUP = """
            id: lookup
            title: 测试查询
            triggers: {phrases: [测试查询], unless: [电话多少]}
            max-turns: 8
            slots:
              - {name: phone, label: 联系电话, aliases: [电话], type: phone, prompt: 请输入电话。}
              - {name: note, label: 备注, type: text, min-length: 2, prompt: 请输入备注。}
            confirm:
              text: 电话 ${slots.phone}，备注 ${slots.note}，确认吗？
              buttons: [确认, 修改]
            call:
              method: GET
              url: ${business.base-url}/q?phone=${slots.phone}&note=${slots.note}
              headers: {X-Note: "${slots.note}"}
              timeout-ms: 500
            outcomes:
              - when: result.status == "retry"
                reply: 电话不对。
                ask-again: phone
              - when: result.status == "locked"
                reply: 需要人工处理。
                give-up: true
              - name: found
                reply: 结果 ${result.value}
            """;
    private static final String RAW_BODY = """
            id: raw
            triggers: {phrases: [原样提交]}
            slots:
              - {name: note, type: text, prompt: 请输入备注。}
            call:
              url: ${business.base-url}/raw
              body: '{"note": "${slots.note}", "fixed": 1}'
            outcomes:
              - reply: 已提交
            """;

    @TempDir
    Path dir;
    private final List<BusinessRequest> requests = new ArrayList<>();
    private final Deque<BusinessResponse> answers = new ArrayDeque<>();
    private FlowEngine engine;

    @BeforeEach
    void load() throws Exception {
        Files.writeString(dir.resolve("lookup.yml"), LOOKUP, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("raw.yml"), RAW_BODY, StandardCharsets.UTF_8);
        engine = FlowEngine.load(dir, r -> {
            requests.add(r);
            return answers.isEmpty() ? BusinessResponse.ok(200, Map.of("status", "ok", "value", "42")) : answers.poll();
        }, Map.of("business.base-url", "http://127.0.0.1:9"));
    }

    private static Analysis a(String text) {
        return SharedAnalyzer.get().analyze(text, Direction.INBOUND, NOW);
    }

    private FlowStep toConfirmation() {
        FlowStep s = engine.start("lookup", a("测试查询"), NOW);
        s = engine.resume(s.state(), a("13912345678"), NOW);
        return engine.resume(s.state(), a("a&b 张三"), NOW);
    }

    @Test
    void triggers() {
        assertEquals(Optional.of("lookup"), engine.triggeredBy(a("我要测试查询")));
        assertEquals(Optional.empty(), engine.triggeredBy(a("测试查询的电话多少")), "unless words stop a trigger");
        assertEquals(Optional.empty(), engine.triggeredBy(a("测试查询 转人工")), "a request for a human starts no flow");
        assertThrows(IllegalArgumentException.class, () -> engine.start("nope", a("x"), NOW));
    }

    @Test
    void valuesAreEscapedForTheUrlAndTheHeadersCarryThem() {
        FlowStep s = toConfirmation();
        assertEquals(Kind.PROMPT, s.kind());
        assertEquals("电话 13912345678，备注 a&b 张三，确认吗？", s.text());
        assertEquals(List.of("确认", "修改"), s.buttons());
        s = engine.resume(s.state(), a("确认"), NOW);
        assertEquals(Kind.DONE, s.kind());
        assertEquals("结果 42", s.text());
        assertEquals("found", s.reason());
        BusinessRequest r = requests.getFirst();
        assertEquals("GET", r.method());
        assertEquals("http://127.0.0.1:9/q?phone=13912345678&note=a%26b%20%E5%BC%A0%E4%B8%89", r.uri().toString());
        assertEquals("a&b 张三", r.headers().get("X-Note"));
        assertNull(r.body());
        assertEquals(500, r.timeout().toMillis());
    }

    @Test
    void aJsonTextBodyEscapesInsertedValues() throws Exception {
        FlowStep s = engine.start("raw", a("原样提交"), NOW);
        s = engine.resume(s.state(), a("他说\"快点\"\\n然后走了"), NOW);
        assertEquals(Kind.DONE, s.kind());
        Map<?, ?> sent = new ObjectMapper().readValue(requests.getFirst().body(), Map.class);
        assertEquals("他说\"快点\"\\n然后走了", sent.get("note"));
        assertEquals(1, sent.get("fixed"));
        assertEquals("POST", requests.getFirst().method());
    }

    @Test
    void askAgainClearsTheSlotAndCountsTowardsGivingUp() {
        FlowStep s = toConfirmation();
        for (int i = 0; i < 2; i++) {
            answers.add(BusinessResponse.ok(200, Map.of("status", "retry")));
            s = engine.resume(s.state(), a("确认"), NOW);
            assertEquals(Kind.REPROMPT, s.kind());
            assertEquals("电话不对。\n请输入电话。", s.text());
            assertFalse(s.state().slots().containsKey("phone"));
            s = engine.resume(s.state(), a("13912345678"), NOW);
            assertEquals(Kind.PROMPT, s.kind(), "back to the read-back");
        }
        answers.add(BusinessResponse.ok(200, Map.of("status", "retry")));
        s = engine.resume(s.state(), a("确认"), NOW);
        assertEquals(Kind.GIVE_UP, s.kind());
        assertEquals("flow_failures", s.reason());
        assertTrue(s.text().startsWith("电话不对。"), s.text());
        assertEquals("a&b 张三", s.collected().get("note"), "what was collected goes to whoever takes over");
    }

    @Test
    void outcomesAndErrorsThatGiveUp() {
        answers.add(BusinessResponse.ok(200, Map.of("status", "locked")));
        FlowStep s = engine.resume(toConfirmation().state(), a("确认"), NOW);
        assertEquals(Kind.GIVE_UP, s.kind());
        assertEquals("需要人工处理。", s.text());
        assertEquals("business_error", s.reason());
        assertEquals(List.of("转人工"), s.buttons());

        answers.add(BusinessResponse.timeout("slow"));
        s = engine.resume(toConfirmation().state(), a("确认"), NOW);
        assertEquals(Kind.GIVE_UP, s.kind(), "no on-timeout configured: the default error reply offers a human");
        assertEquals("timeout", s.result().get("error"));
        assertTrue(s.text().contains("转人工"));
    }

    @Test
    void confirmationAnswers() {
        FlowStep s = toConfirmation();
        FlowStep no = engine.resume(s.state(), a("修改"), NOW);
        assertEquals(Kind.PROMPT, no.kind());
        assertTrue(no.text().contains("哪一项需要修改"), no.text());
        FlowStep changed = engine.resume(no.state(), a("电话是13800001111"), NOW);
        assertEquals("好的，已更新联系电话。\n电话 13800001111，备注 a&b 张三，确认吗？", changed.text());
        FlowStep named = engine.resume(s.state(), a("备注改成 下午再打"), NOW);
        assertEquals("下午再打", named.state().slots().get("note"));
        FlowStep unclear = s;
        for (int i = 0; i < 2; i++) {
            unclear = engine.resume(unclear.state(), a("蓝色的天空"), NOW);
            assertEquals(Kind.REPROMPT, unclear.kind());
            assertTrue(unclear.buttons().contains("转人工"));
        }
        assertEquals(Kind.GIVE_UP, engine.resume(unclear.state(), a("蓝色的天空"), NOW).kind());
        assertTrue(requests.isEmpty(), "nothing was sent without a yes");
    }

    @Test
    void noOneIsKeptBeyondMaxTurns() {
        FlowStep s = engine.start("lookup", a("测试查询"), NOW);
        int steps = 0;
        while (!s.ended() && steps < 20) {
            s = engine.resume(s.state(), a("好的"), NOW); // not counted as a failure, but counted as a turn
            steps++;
        }
        assertEquals(Kind.GIVE_UP, s.kind());
        assertEquals("flow_failures", s.reason());
        assertEquals(9, steps, "max-turns 8, given up on the 9th message");
    }

    @Test
    void stateSurvivesJsonAndUnknownFlowsEndPolitely() throws Exception {
        FlowStep s = engine.start("lookup", a("测试查询"), NOW);
        s = engine.resume(s.state(), a("13912345678"), NOW);
        ObjectMapper json = new ObjectMapper();
        String stored = json.writeValueAsString(s.state());
        FlowState back = json.readValue(stored, FlowState.class);
        assertEquals(s.state(), back);
        assertEquals("请输入备注。", engine.current(back).text());
        FlowState damaged = json.readValue("{\"flowId\":\"lookup\",\"step\":null,\"slots\":{\"phone\":null},\"failures\":{\"x\":null}}", FlowState.class);
        FlowStep resumed = engine.resume(damaged, a("13912345678"), NOW);
        assertEquals(Kind.PROMPT, resumed.kind(), "a damaged state carries on from what it holds");
        assertEquals("请输入备注。", resumed.text());
        FlowState gone = new FlowState("removed-flow", "slot:x", Map.of(), Map.of(), 0);
        FlowStep end = engine.resume(gone, a("你好"), NOW);
        assertEquals(Kind.CANCELLED, end.kind());
        assertEquals("flow_unknown", end.reason());
    }
}
