package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Latency of one classification of a 30-character message on one thread, after warm-up; printed p50/p99. */
@Tag("bench")
class IntentLatencyBench {
    private static final List<String> MESSAGES = List.of(
            "你好，我想问一下异地就医备案在手机上到底要怎么办理呢请告诉我",
            "楼上邻居每天半夜都在拖椅子，吵得我们全家人根本睡不着觉怎么办",
            "建议在我们小区北门增设一个公交站，方便小区里的老人出行和看病",
            "公积金提取申请交了一个多月了还没到账，你们这是什么办事效率啊",
            "谢谢你啊，那我明天上午带着身份证和户口本去窗口办理吧，再见了");

    @Test
    void thirtyCharacterMessages() {
        IntentClassifier classifier = IntentClassifier.bundled();
        for (String m : MESSAGES) assertTrue(m.length() >= 28 && m.length() <= 32, m.length() + " " + m);
        for (int i = 0; i < 2_000; i++) classifier.classify(MESSAGES.get(i % MESSAGES.size()));
        int n = 5_000;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            classifier.classify(MESSAGES.get(i % MESSAGES.size()));
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double p50 = nanos[n / 2] / 1e6, p99 = nanos[n * 99 / 100] / 1e6;
        System.out.printf("intent classify, 30-char messages: p50 %.3f ms, p99 %.3f ms (%d runs)%n", p50, p99, n);
        assertTrue(p99 < 50, "p99 " + p99 + " ms");
    }
}
