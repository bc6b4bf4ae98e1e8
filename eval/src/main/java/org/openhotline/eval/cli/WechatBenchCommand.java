package org.openhotline.eval.cli;

import java.io.PrintStream;
import org.openhotline.eval.quality.TempFolder;
import org.openhotline.eval.wechat.WechatBench;
import org.openhotline.server.cli.Args;
import org.openhotline.server.config.HotlineConfig;

/** {@code ./hotline bench-wechat}: the WeChat callback's latency for FAQ answers and the 5-second rule under a slow business system. */
final class WechatBenchCommand {
    static final String HELP = """
            usage: ./hotline bench-wechat [--users 50] [--seconds 30] [--burst 50]

            Starts the whole product in a scratch folder with the WeChat simulator as WeChat (signed, AES-sealed
            callbacks, 5 s patience and retries), then
              1. FAQ: --users citizens ask the sample knowledge base's questions back to back for --seconds;
                 prints the callback latency p50/p99 as WeChat sees it (target: p99 <= 50 ms);
              2. burst: --burst citizens at once reach the business call of the 公积金提取进度 flow while the business
                 system takes 8 s; every callback must be answered within 5 s and every answer delivered exactly
                 once through the customer-service API (counted at the simulator).
            Ends with RESULT {"users","faqCallbacks","faqP50Ms","faqP99Ms",…,"answeredAfter5s","delivered","deliveredTwice","missing"}.
            Exit status 1 when the burst breaks the 5-second rule or an answer is missing or doubled.
            """;

    private final PrintStream out;

    WechatBenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args, HotlineConfig config) throws Exception {
        if (args.help()) {
            out.print(HELP);
            return 0;
        }
        int users = args.integer("users", 50);
        int seconds = args.integer("seconds", 30);
        int burst = args.integer("burst", 50);
        if (users < 1 || seconds < 1 || burst < 1) throw new Args.UsageException("--users, --seconds and --burst must be at least 1");
        try (TempFolder tmp = new TempFolder("hotline-bench-wechat")) {
            WechatBench.Result r = WechatBench.run(config, tmp.path(), users, seconds, burst, out);
            out.println("RESULT " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r));
            return r.answeredAfter5s() == 0 && r.deliveredTwice() == 0 && r.missing() == 0 ? 0 : 1;
        }
    }
}
