package org.openhotline.server.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.flow.FlowEngine;
import org.openhotline.bot.flow.FlowStep;
import org.openhotline.bot.flow.FlowStep.Kind;
import org.openhotline.bot.flow.http.BusinessClient;
import org.openhotline.nlu.Analyzer;

/**
 * The three bundled flows driven message by message with real NLU analyses against the real sample business
 * service on a random port: success, slow (timeout reply), failing (error reply), corrections, cancel, a
 * question in the middle, and giving up after repeated failures.
 */
class SampleFlowsTest {
    private static SampleBusinessService service;
    private static FlowEngine engine;
    private static Analyzer analyzer;

    @BeforeAll
    static void start() {
        service = SampleBusinessService.start(0);
        analyzer = Analyzer.bundled();
        engine = FlowEngine.load(null, BusinessClient.http(), Map.of("business.base-url", service.url()));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @AfterEach
    void healthy() {
        service.faults(0, false);
    }

    private FlowDriver driver() {
        return new FlowDriver(engine, analyzer);
    }

    private static void expect(FlowDriver d, Kind kind, String... fragments) {
        assertEquals(kind, d.last.kind(), d.transcript());
        for (String f : fragments) assertTrue(d.last.text().contains(f), "expected '" + f + "' in the last reply\n" + d.transcript());
    }

    // ---- 社保缴费记录查询

    @Test
    void paymentRecordsStepByStep() {
        FlowDriver d = driver();
        d.first("我想查一下社保缴费记录");
        expect(d, Kind.PROMPT, "身份证");
        assertEquals("si-payment-records", d.state.flowId());
        d.say(TestIds.ADULT);
        expect(d, Kind.PROMPT, "哪一年");
        d.say("2024年");
        expect(d, Kind.PROMPT, "验证码");
        d.say("123456");
        expect(d, Kind.DONE, "2024-01", "2024-12", "共有 12 个月", SampleBusinessService.LABEL, "610***********");
        assertFalse(d.last.text().contains(TestIds.ADULT), "the ID is masked in the reply\n" + d.transcript());
        assertEquals("ok", d.last.reason());
        assertEquals(12, ((List<?>) d.last.result().get("records")).size());
        assertNull(d.state);
    }

    @Test
    void paymentRecordsTakesWhatTheFirstMessageGave() {
        FlowDriver d = driver();
        d.first("帮我查一下身份证" + TestIds.ADULT + "在2023年的社保缴费记录");
        expect(d, Kind.PROMPT, "验证码");
        assertEquals("2023", d.state.slots().get("year"));
        d.say("验证码是 123 456");
        expect(d, Kind.DONE, "2023-01");
    }

    @Test
    void correctingTheYearWhileTheCodeIsAsked() {
        FlowDriver d = driver();
        d.first("查询社保缴费记录");
        d.say(TestIds.ADULT);
        d.say("2024");
        expect(d, Kind.PROMPT, "验证码");
        d.say("不对，是2023年");
        expect(d, Kind.PROMPT, "已更新查询年度", "验证码");
        assertEquals("2023", d.state.slots().get("year"));
        d.say("123456");
        expect(d, Kind.DONE, "2023-01");
    }

    @Test
    void correctingTheIdNumber() {
        FlowDriver d = driver();
        d.first("查社保缴费记录");
        d.say(TestIds.CHILD);
        d.say("2024");
        d.say("身份证号错了 改成" + TestIds.ADULT);
        expect(d, Kind.PROMPT, "已更新身份证号", "验证码");
        assertEquals(TestIds.ADULT, d.state.slots().get("id_card"));
    }

    @Test
    void wrongVerificationCodeIsAskedAgainThenGivesUp() {
        FlowDriver d = driver();
        d.first("查社保缴费记录");
        d.say(TestIds.ADULT);
        d.say("2024");
        d.say("654321");
        expect(d, Kind.REPROMPT, "验证码不正确", "6 位验证码");
        d.say("111111");
        expect(d, Kind.REPROMPT, "验证码不正确");
        d.say("222222");
        expect(d, Kind.GIVE_UP, "转人工");
        assertEquals("flow_failures", d.last.reason());
        assertTrue(d.last.buttons().contains("转人工"));
    }

    @Test
    void noRecordsForSomeoneTooYoung() {
        FlowDriver d = driver();
        d.first("查社保缴费记录");
        d.say(TestIds.CHILD);
        d.say("2024");
        d.say("123456");
        expect(d, Kind.DONE, "没有查到");
        assertEquals("not_found", d.last.reason());
    }

    @Test
    void badIdNumbersAreRepromptedThenTheFlowGivesUp() {
        FlowDriver d = driver();
        d.first("查社保缴费记录");
        d.say(TestIds.broken(TestIds.ADULT));
        expect(d, Kind.REPROMPT, "校验码");
        assertTrue(d.last.buttons().contains("转人工"), "a reprompt always offers a way out");
        d.say("12345");
        expect(d, Kind.REPROMPT);
        d.say("61011319900307");
        expect(d, Kind.GIVE_UP, "身份证号", "转人工");
        assertEquals("flow_failures", d.last.reason());
    }

    @Test
    void aQuestionMidFlowIsUnmatchedAndTheFlowResumes() {
        FlowDriver d = driver();
        d.first("查社保缴费记录");
        var before = d.state;
        FlowStep step = engine.resume(before, analyzer.analyze("社保卡丢了怎么补办？", org.openhotline.nlu.sensitive.Direction.INBOUND, FlowDriver.NOW), FlowDriver.NOW);
        assertEquals(Kind.UNMATCHED, step.kind());
        assertEquals(before, step.state(), "nothing changes and no failure is counted");
        String back = engine.prompt(before);
        assertTrue(back.contains("社保缴费记录查询") && back.contains("身份证"), back);
        d.say(TestIds.ADULT);
        expect(d, Kind.PROMPT, "哪一年");
    }

    @Test
    void cancelAtAnyStep() {
        FlowDriver d = driver();
        d.first("查社保缴费记录");
        d.say(TestIds.ADULT);
        d.say("算了");
        expect(d, Kind.CANCELLED, "已为您取消社保缴费记录查询");
        assertNull(d.state);
    }

    @Test
    void askingForAHumanIsNeverSwallowed() {
        FlowDriver d = driver();
        d.first("我要投诉");
        d.say("转人工");
        expect(d, Kind.GIVE_UP);
        assertEquals("ask_human", d.last.reason());
    }

    @Test
    void slowSystemGetsTheTimeoutReply() {
        service.faults(4000, false); // the flow's timeout is 3000 ms
        FlowDriver d = driver();
        d.first("查社保缴费记录");
        d.say(TestIds.ADULT);
        d.say("2024");
        long t0 = System.nanoTime();
        d.say("123456");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        expect(d, Kind.GIVE_UP, "超时", "转人工");
        assertEquals("business_error", d.last.reason());
        assertEquals("timeout", d.last.result().get("error"));
        assertTrue(ms >= 2900 && ms < 3900, "gave up after the configured 3 s, took " + ms + " ms");
    }

    @Test
    void failingSystemGetsTheErrorReply() {
        service.faults(0, true);
        FlowDriver d = driver();
        d.first("查社保缴费记录");
        d.say(TestIds.ADULT);
        d.say("2024");
        d.say("123456");
        expect(d, Kind.GIVE_UP, "暂时无法查询");
        assertEquals("business_error", d.last.reason());
        assertEquals("HTTP 500", d.last.result().get("error"));
    }

    // ---- 公积金提取进度查询

    @Test
    void withdrawalProgressByIdNumber() {
        FlowDriver d = driver();
        d.first("我的公积金提取进度到哪了");
        expect(d, Kind.PROMPT, "申请编号");
        d.say(TestIds.ADULT);
        expect(d, Kind.DONE, "笔提取申请", "1. 申请编号 TQ", "当前进度", SampleBusinessService.LABEL);
    }

    @Test
    void withdrawalProgressByApplicationNumber() {
        FlowDriver d = driver();
        d.first("公积金提取进度查询");
        d.say("申请编号是tq2025060123");
        expect(d, Kind.DONE, "TQ2025060123");
        d.first("查一下公积金提取进度，编号TQ2025060000");
        expect(d, Kind.DONE, "没有查到");
        assertEquals("not_found", d.last.reason());
    }

    @Test
    void withdrawalProgressWhenTheSystemFails() {
        service.faults(0, true);
        FlowDriver d = driver();
        d.first("公积金提取进度");
        d.say(TestIds.ADULT);
        expect(d, Kind.GIVE_UP, "公积金系统暂时无法查询");
    }

    // ---- 12345 诉求受理

    @Test
    void complaintIntakeWithCorrectionAtConfirmation() {
        int before = service.intakeRecords().size();
        FlowDriver d = driver();
        d.first("我要投诉");
        expect(d, Kind.PROMPT, "发生了什么");
        d.say("小区楼下的工地每天夜里施工，噪音很大");
        expect(d, Kind.PROMPT, "什么地点");
        d.say("雁塔区小寨东路幸福小区");
        expect(d, Kind.PROMPT, "什么时候");
        d.say("昨天晚上");
        expect(d, Kind.PROMPT, "联系电话");
        d.say("13912345678");
        expect(d, Kind.PROMPT, "请核对", "2025-06-09", "13912345678", "雁塔区小寨东路幸福小区");
        d.say("电话是13800001111");
        expect(d, Kind.PROMPT, "已更新联系电话", "13800001111");
        d.say("地点改成雁塔区长安南路88号");
        expect(d, Kind.PROMPT, "已更新事发地点", "长安南路88号");
        d.say("确认提交");
        expect(d, Kind.DONE, "已受理", "受理编号 SL", SampleBusinessService.LABEL);
        List<Map<String, Object>> records = service.intakeRecords();
        assertEquals(before + 1, records.size());
        Map<String, Object> r = records.getLast();
        assertEquals("13800001111", r.get("phone"));
        assertEquals("雁塔区长安南路88号", r.get("where"));
        assertEquals("雁塔区", r.get("district"));
        assertEquals("2025-06-09", r.get("when"));
        assertTrue(d.last.text().contains((String) r.get("recordNo")));
    }

    @Test
    void complaintTakesWhatTheFirstMessageSaid() {
        FlowDriver d = driver();
        d.first("我要投诉，昨天晚上楼下工地施工噪音很大，电话13912345678");
        expect(d, Kind.PROMPT, "什么地点");
        assertEquals("2025-06-09", d.state.slots().get("when"));
        assertEquals("13912345678", d.state.slots().get("phone"));
        assertTrue(d.state.slots().get("what").contains("工地施工噪音"), d.state.slots().toString());
        d.say("碑林区南大街");
        expect(d, Kind.PROMPT, "请核对");
    }

    @Test
    void complaintDateMayBeSkippedAndDenialAsksWhatToChange() {
        FlowDriver d = driver();
        d.first("我想反映个问题");
        d.say("路灯坏了好几天都没人修，晚上很黑");
        d.say("莲湖区西大街100号门口");
        d.say("不记得了");
        expect(d, Kind.PROMPT, "联系电话");
        assertEquals("未提供", d.state.slots().get("when"));
        d.say("13912345678");
        d.say("不对");
        expect(d, Kind.PROMPT, "哪一项需要修改");
        d.say("时间是6月1日");
        expect(d, Kind.PROMPT, "已更新发生时间", "2025-06-01");
        d.say("取消");
        expect(d, Kind.CANCELLED);
    }

    @Test
    void complaintQuestionWhileDescribingIsUnmatched() {
        FlowDriver d = driver();
        d.first("我要投诉");
        d.say("社保卡丢了怎么补办？");
        expect(d, Kind.UNMATCHED, "发生了什么");
        assertEquals("slot:what", d.state.step());
    }

    @Test
    void complaintSubmitTimesOut() {
        FlowDriver d = driver();
        d.first("我要投诉，小区门口垃圾好几天没人清理");
        d.say("新城区长乐路某某小区门口");
        d.say("今天");
        d.say("13912345678");
        service.faults(4000, false);
        d.say("确认");
        expect(d, Kind.GIVE_UP, "超时", "还没有提交成功");
    }
}
