package org.openhotline.server.sample;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.flow.FlowEngine;
import org.openhotline.bot.flow.http.BusinessClient;
import org.openhotline.nlu.Analyzer;
import org.openhotline.nlu.sensitive.Direction;

class ScratchTest {
    @Test
    void run() {
        try (var service = SampleBusinessService.start(0)) {
            var analyzer = Analyzer.bundled();
            var engine = FlowEngine.load(null, BusinessClient.http(), Map.of("business.base-url", service.url()));
            for (String t : new String[] {"投诉电话是多少", "社保断缴了怎么补缴", "公积金提取需要什么材料", "我想问下公积金提取到账了吗", "社保缴费记录怎么查", "我要举报有人卖假药", "查下我的养老保险缴费情况", "我想投诉社保局工作人员态度差", "12345投诉结果怎么查"}) {
                System.out.println("TRIGGER " + t + " -> " + engine.triggeredBy(analyzer.analyze(t, Direction.INBOUND, FlowDriver.NOW)));
            }
            String[][] scripts = {
                {"查社保缴费记录", "我没带身份证", "好的", "谢谢", TestIds.ADULT, "今年", "2024", "你好", "123456"},
                {"我要投诉", "13912345678", "楼下烧烤店油烟太大了", "就在我家楼下", "雁塔区电子城街道某某小区", "最近一直这样", "我不想留电话", "13912345678", "好的"},
                {"我要投诉", "有人在小区里遛狗不牵绳", "雁塔区", "上周三", "0298888666", "改一下地址", "碑林区东大街1号", "是的"},
                {"公积金提取进度", "不知道编号", "怎么查编号呢", "TQ12345"},
            };
            for (String[] script : scripts) {
                FlowDriver d = new FlowDriver(engine, analyzer);
                d.first(script[0]);
                for (int i = 1; i < script.length && d.state != null; i++) {
                    if (d.last.kind() == org.openhotline.bot.flow.FlowStep.Kind.UNMATCHED) { }
                    d.say(script[i]);
                }
                System.out.println("=====\n" + d.transcript());
            }
        }
    }
}
