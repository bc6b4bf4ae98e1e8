package org.openhotline.nlu.entity;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Extraction latency of typical 30-character messages, p50 and p99. A benchmark, not a test: it runs only with
 * {@code ./mvnw -q -o -pl nlu test -Dtest=EntityBench -Dbench=true} and prints to the surefire output file.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class EntityBench {
    /** Six messages of 30 characters each, mixing every entity type. */
    private static final List<String> MESSAGES = List.of(
            "我叫张伟，身份证610113197410294455断了半年",
            "电话幺三八 幺九二六 七七零四，明天上午打给我吧谢谢你们啊啊",
            "退休金每个月到账三千五，比上个月少了两百，为啥呀，帮我查一下",
            "卡号6222027564794477040，工行西安南郊支行",
            "下周三我要去经开区办理退休手续，要带什么材料呢？谢谢你们啊！",
            "我在高新区上班，公司交了三年社保，现在能领失业金吗？谢谢了啊");

    @Test
    void latency() {
        EntityExtractor extractor = new EntityExtractor();
        LocalDateTime now = LocalDateTime.of(2026, 11, 23, 10, 0);
        for (int i = 0; i < 3_000; i++) extractor.extract(MESSAGES.get(i % MESSAGES.size()), now); // warm up
        int n = 20_000;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            String m = MESSAGES.get(i % MESSAGES.size());
            long t0 = System.nanoTime();
            extractor.extract(m, now);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        for (String m : MESSAGES) if (m.length() != 30) throw new IllegalStateException(m.length() + " chars: " + m);
        double avgLen = 30;
        System.out.printf("EntityBench: %d extractions of %.1f-char messages: p50 %.1f us, p99 %.1f us, max %.1f us%n",
                n, avgLen, nanos[n / 2] / 1e3, nanos[(int) (n * 0.99)] / 1e3, nanos[n - 1] / 1e3);
    }
}
