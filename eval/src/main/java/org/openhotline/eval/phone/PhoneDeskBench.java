package org.openhotline.eval.phone;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openhotline.desk.Desk;
import org.openhotline.desk.account.AccountDraft;
import org.openhotline.desk.account.Role;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.presence.Presence;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * {@code ./hotline bench-phone-desk}: CALLERS calls through the IVR (key 0) to the agent desk, where AGENTS agents,
 * each with a softphone on loopback (the project's SIP stack, answering at once), take them; each agent talks TALK
 * seconds then hangs up. Measures the time from the desk's offer to the agent's phone answering (its 200 OK acknowledged,
 * i.e. the call bridged), and counts answered and lost calls (a caller not bridged to an agent within the wait).
 */
public final class PhoneDeskBench {
    public record Settings(int callers, int agents, int talkSeconds, int ratePerSecond, int waitSeconds) {}

    public record Result(int callers, int agents, int answered, int lost, double offerToAnswerP50Ms, double offerToAnswerP90Ms,
                         double offerToAnswerMaxMs) {}

    private final PrintStream out;

    public PhoneDeskBench(PrintStream out) {
        this.out = out;
    }

    public Result run(Settings s) throws Exception {
        Path data = Files.createTempDirectory("hotline-bench-phone");
        List<SipUserAgent> phones = new ArrayList<>();
        Map<String, Long> offeredAt = new ConcurrentHashMap<>(); // agent id → the desk's latest offer to them
        Map<String, String> userToId = new ConcurrentHashMap<>();
        List<Double> latencies = new CopyOnWriteArrayList<>();
        Set<String> bridgedCallers = ConcurrentHashMap.newKeySet();
        List<String> phoneUris = new ArrayList<>();
        for (int i = 1; i <= s.agents(); i++) {
            String user = "bench-agent-" + i;
            SipUserAgent phone = SipUserAgent.start(SipSettings.local(0).withRtpPorts(32000 + i * 40, 32000 + i * 40 + 39), c -> {
                long now = System.nanoTime();
                Long offered = offeredAt.get(userToId.getOrDefault(user, ""));
                if (offered != null) latencies.add((now - offered) / 1e6);
                bridgedCallers.add(c.caller());
                Thread.sleep(s.talkSeconds() * 1000L);
                c.hangup();
            });
            phones.add(phone);
            phoneUris.add(user + "=sip:" + user + "@127.0.0.1:" + phone.port());
        }
        Path ivr = data.resolve("ivr.yml");
        Files.writeString(ivr, """
                name: bench-phone-desk
                schedule:
                  - {when: always, node: main}
                nodes:
                  main:
                    type: menu
                    prompt: 人工服务请按0。
                    choices: {"0": agent}
                  agent:
                    type: transfer
                    group: 社保
                    next: bye
                  bye:
                    type: hangup
                """);
        Path file = data.resolve("hotline.yml");
        Files.writeString(file, """
                auth:
                  sample-accounts: false
                desk:
                  offer-seconds: 40
                  wrap-up-seconds: 0
                  groups:
                    - {code: "社保", name: "社保", strategy: least-busy, queue-timeout-seconds: 600}
                telephony:
                  position-every-seconds: 10
                  agent-ring-seconds: 10
                  agent-phones: [%s]
                """.formatted(String.join(", ", phoneUris.stream().map(u -> "\"" + u + "\"").toList())));
        HotlineConfig config = HotlineConfig.load(file, Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0",
                "HOTLINE_SERVER_HOST", "127.0.0.1", "HOTLINE_KB_POLL_SECONDS", "0", "HOTLINE_TELEPHONY_ENABLED", "true",
                "HOTLINE_SIP_PORT", "0", "HOTLINE_TELEPHONY_IVR_FILE", ivr.toString(),
                "HOTLINE_TELEPHONY_RTP_PORT_MIN", "36000", "HOTLINE_TELEPHONY_RTP_PORT_MAX", "39999"));
        SipUserAgent callers = SipUserAgent.start(SipSettings.local(0).withRtpPorts(40000, 43999), c -> {});
        try (HotlineApp app = new HotlineApp(config).start(ProgressListener.NONE)) {
            Desk desk = app.desk().orElseThrow();
            try (AutoCloseable sub = desk.subscribe(e -> {
                if (e instanceof DeskEvent.ChatOffered o) offeredAt.put(o.agentId(), System.nanoTime());
            })) {
                for (int i = 1; i <= s.agents(); i++) {
                    var a = app.auth().accounts().create(new AccountDraft("bench-agent-" + i, "压测坐席" + i, Set.of(Role.AGENT), List.of("社保"), 1, false),
                            "bench-password-" + i, false);
                    userToId.put(a.username(), String.valueOf(a.id()));
                    desk.presence(String.valueOf(a.id()), Presence.ONLINE);
                }
                out.printf("%d agents online with their phones; %d callers at %d/s%n", s.agents(), s.callers(), s.ratePerSecond());
                int port = app.telephony().orElseThrow().sipPort();
                List<CompletableFuture<Void>> calls = new ArrayList<>();
                AtomicInteger failed = new AtomicInteger();
                for (int i = 0; i < s.callers(); i++) {
                    String number = String.format("139%08d", i);
                    calls.add(CompletableFuture.runAsync(() -> {
                        try {
                            SipCall call = callers.dial("sip:hotline@127.0.0.1:" + port, number, Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
                            Thread.sleep(800);
                            call.sendDtmf('0');
                            try {
                                call.ended().get(s.waitSeconds(), TimeUnit.SECONDS);
                            } catch (java.util.concurrent.TimeoutException waitedTooLong) {
                                call.hangup();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }, r -> Thread.ofVirtual().start(r)));
                    Thread.sleep(1000L / s.ratePerSecond());
                }
                for (var c : calls) c.join();
            }
        } finally {
            callers.close();
            for (SipUserAgent p : phones) p.close();
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int answered = bridgedCallers.size();
        return new Result(s.callers(), s.agents(), answered, s.callers() - answered, pct(sorted, 0.5), pct(sorted, 0.9),
                sorted.isEmpty() ? 0 : sorted.getLast());
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
