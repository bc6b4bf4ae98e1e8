package org.openhotline.eval.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import org.openhotline.eval.desk.DeskLatencyBench;
import org.openhotline.server.cli.Args;
import org.openhotline.server.config.HotlineConfig;

/** {@code ./hotline bench-desk}: citizen message → agent socket latency with many agents and chats (issue 7's target). */
final class DeskBenchCommand {
    static final String HELP = """
            usage: ./hotline bench-desk [--agents 50] [--chats 500] [--max-chats 5] [--messages 2000] [--rate 50]

            Starts the whole product in-process on a loopback port over a throwaway data folder, signs in AGENTS
            agents (each with its console WebSocket open and at most MAX-CHATS chats), hands CHATS web-chat citizens
            over to people (their chat WebSockets open; as many active as the agents hold, the rest waiting), then
            sends MESSAGES citizen messages through POST /api/chat at RATE per second from the active chats and
            times each until its frame reaches the agent's socket. Target: p99 ≤ 100 ms with 50 agents and 500 chats.
            Ends with RESULT {"agents","chats","active","messages","p50","p90","p99","max","lost","duplicated"} (ms).
            """;

    private final PrintStream out;

    DeskBenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args, HotlineConfig config) throws Exception {
        if (args.help()) {
            out.print(HELP);
            return 0;
        }
        DeskLatencyBench.Settings s = new DeskLatencyBench.Settings(args.integer("agents", 50), args.integer("chats", 500),
                args.integer("max-chats", 5), args.integer("messages", 2000), args.integer("rate", 50));
        if (s.agents() < 1 || s.chats() < 1 || s.maxChats() < 1 || s.messages() < 1 || s.ratePerSecond() < 1) {
            throw new Args.UsageException("every number must be at least 1");
        }
        DeskLatencyBench.Result r = new DeskLatencyBench(out).run(config, s);
        out.printf("citizen message → agent socket: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; lost %d, duplicated %d%n",
                r.p50(), r.p90(), r.p99(), r.max(), r.lost(), r.duplicated());
        out.println("RESULT " + new ObjectMapper().writeValueAsString(r));
        return r.lost() == 0 && r.duplicated() == 0 ? 0 : 1;
    }
}
