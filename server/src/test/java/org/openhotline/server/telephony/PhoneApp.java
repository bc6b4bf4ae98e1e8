package org.openhotline.server.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.Await;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * The whole product with telephony on loopback, as the phone-through-the-desk tests run it: sample accounts, the desk
 * group 社保 (least-busy, callers wait up to 5 minutes), agents' phones ringing 5 s, and an IVR from the test
 * resources (ivr/press-zero.yml: 0 for an agent). One place, so the tests differ only in what they are about.
 */
final class PhoneApp {
    private PhoneApp() {}

    /**
     * Starts the product over {@code data} with the IVR resource {@code ivr}, position announcements every
     * {@code positionEverySeconds} (0: none), {@code wrapUpSeconds} after a chat, RTP on {@code rtpPortMin} + 499 and
     * {@code agentPhones} entries such as {@code "agent1=sip:agent@127.0.0.1:5070"}.
     */
    static HotlineApp start(Path data, String ivr, int positionEverySeconds, int wrapUpSeconds, int rtpPortMin, String... agentPhones)
            throws IOException {
        Path ivrFile = data.resolve("ivr.yml");
        try (InputStream in = PhoneApp.class.getResourceAsStream("/ivr/" + ivr)) {
            if (in == null) throw new IllegalArgumentException("no test IVR /ivr/" + ivr);
            Files.write(ivrFile, in.readAllBytes());
        }
        Path file = Files.writeString(data.resolve("hotline.yml"), """
                auth:
                  sample-accounts: true
                desk:
                  offer-seconds: 40
                  wrap-up-seconds: %d
                  groups:
                    - {code: "社保", name: "社保", strategy: least-busy, queue-timeout-seconds: 300}
                telephony:
                  position-every-seconds: %d
                  agent-ring-seconds: 5
                  agent-phones: [%s]
                """.formatted(wrapUpSeconds, positionEverySeconds,
                Arrays.stream(agentPhones).map(p -> "\"" + p + "\"").collect(Collectors.joining(", "))));
        HotlineConfig config = HotlineConfig.load(file, Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0",
                "HOTLINE_SERVER_HOST", "127.0.0.1", "HOTLINE_KB_POLL_SECONDS", "0", "HOTLINE_TELEPHONY_ENABLED", "true",
                "HOTLINE_SIP_PORT", "0", "HOTLINE_TELEPHONY_IVR_FILE", ivrFile.toString(),
                "HOTLINE_TELEPHONY_RTP_PORT_MIN", String.valueOf(rtpPortMin), "HOTLINE_TELEPHONY_RTP_PORT_MAX", String.valueOf(rtpPortMin + 499)));
        return new HotlineApp(config).start(ProgressListener.NONE);
    }

    /** The desk's id of a sample account. */
    static String accountId(HotlineApp app, String username) {
        return String.valueOf(app.auth().accounts().byUsername(username).orElseThrow().id());
    }

    /**
     * Dials the hotline from {@code ua} as {@code number} and presses 0 once the greeting is heard: a key sent before the
     * IVR listens (its handler starts on the ACK, a moment after our 200 OK) would be lost.
     */
    static SipCall callForAnAgent(SipUserAgent ua, HotlineApp app, String number) throws Exception {
        SipCall call = ua.dial("sip:hotline@127.0.0.1:" + app.telephony().orElseThrow().sipPort(), number, Duration.ofSeconds(10))
                .get(15, TimeUnit.SECONDS);
        Heard heard = Heard.on(call);
        Await.until(() -> heard.loud() > 0, "the IVR greets the caller");
        call.sendDtmf('0');
        return call;
    }
}
