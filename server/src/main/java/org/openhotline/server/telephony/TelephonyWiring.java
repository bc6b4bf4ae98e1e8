package org.openhotline.server.telephony;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.flow.http.HttpBusinessClient;
import org.openhotline.bot.hours.ServiceHours;
import org.openhotline.desk.callback.CallbackKind;
import org.openhotline.desk.callback.CallbackStatus;
import org.openhotline.desk.callback.CallbackTask;
import org.openhotline.desk.callback.CallbackViewer;
import org.openhotline.desk.callback.Callbacks;
import org.openhotline.desk.Desk;
import org.openhotline.server.app.VoiceConfig;
import org.openhotline.server.config.ConfigException;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.telephony.bridge.Bridge;
import org.openhotline.telephony.bridge.AgentPhoneBook;
import org.openhotline.telephony.ivr.IvrDefinition;
import org.openhotline.telephony.ivr.IvrEngine;
import org.openhotline.telephony.ivr.IvrEvents;
import org.openhotline.telephony.ivr.IvrLines;
import org.openhotline.telephony.ivr.IvrParser;
import org.openhotline.telephony.ivr.IvrServices;
import org.openhotline.telephony.recording.RecordingFiles;
import org.openhotline.telephony.rtp.InbandDtmf;
import org.openhotline.telephony.recording.RecordingSink;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;
import org.openhotline.telephony.voicebot.SpeechBot;
import org.openhotline.voice.asr.SpeechRecognizer;
import org.openhotline.voice.VoiceSettings;
import org.openhotline.voice.prompt.Prompts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone channel from the {@code telephony.*} settings: the SIP agent answering with the IVR, TTS prompts,
 * the voice bot on the chat engine (when an ASR model is configured), and transfers queued at the agent desk
 * ({@link PhoneQueue}), which rings the routed agent's phone through the bridge.
 */
public final class TelephonyWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelephonyWiring.class);

    private final SipUserAgent agent;
    private final Bridge bridge;
    private final PhoneQueue queue;
    private final Duration ringTimeout;
    private final Callbacks callbacks;
    private final CallbackDialer dialer; // null: click-to-dial off (no telephony.outbound-uri)
    private boolean closed;

    private PromptAdmin promptAdmin;

    private TelephonyWiring prompts(PromptAdmin admin) {
        this.promptAdmin = admin;
        return this;
    }

    private TelephonyWiring(SipUserAgent agent, Bridge bridge, PhoneQueue queue, Duration ringTimeout, Callbacks callbacks, CallbackDialer dialer) {
        this.agent = agent;
        this.bridge = bridge;
        this.queue = queue;
        this.ringTimeout = ringTimeout;
        this.callbacks = callbacks;
        this.dialer = dialer;
    }

    /**
     * @param recognizer the server's speech recogniser, shared with WeChat and closed by the server; null = none
     * @param desk       where transferred calls queue and are routed, like chats
     * @param phones     which phone rings an agent (the same directory the desk routes with)
     * @param recordings told of each finished call recording (the console's index); recordings a crash cut short are
     *                   repaired and told here before the first call is answered
     */
    public static TelephonyWiring start(HotlineConfig config, Path data, Conversation conversation, ServiceHours hours,
                                        SpeechRecognizer recognizer, Desk desk, AgentPhoneBook phones, RecordingSink recordings) throws Exception {
        Callbacks callbacks = desk.callbacks();
        if (config.integer("telephony.agent-ring-seconds") >= config.integer("desk.offer-seconds")) {
            // the desk would withdraw the offer while the phone still rings, and the next agent's phone could not ring
            throw new ConfigException("'telephony.agent-ring-seconds' must be below 'desk.offer-seconds'");
        }
        String outbound = CallbackDialer.route(config.string("telephony.outbound-uri"));
        if (config.integer("telephony.outbound-ring-seconds") < 1) throw new ConfigException("'telephony.outbound-ring-seconds' must be at least 1");
        String endReason = config.string("telephony.end-reason");
        if (!desk.endReasons().containsKey(endReason)) {
            throw new ConfigException("'telephony.end-reason' must be one of the desk's end reasons " + desk.endReasons().keySet() + ", not '" + endReason + "'");
        }
        IvrDefinition ivr = config.string("telephony.ivr-file").isBlank()
                ? IvrParser.read(IvrParser.class.getResourceAsStream("/ivr/sample-12345.yml"), "bundled ivr/sample-12345.yml")
                : IvrParser.read(Path.of(config.string("telephony.ivr-file")));
        Map<String, IvrDefinition> lineIvrs = lineIvrs(config);
        List<String> transports = config.list("telephony.transports");
        SipSettings sip = new SipSettings(config.string("telephony.host"), config.integer("telephony.sip-port"),
                transports.contains("udp"), transports.contains("tcp"), config.integer("telephony.rtp-port-min"),
                config.integer("telephony.rtp-port-max"), Duration.ofMillis(config.integer("telephony.ring-ms")),
                Duration.ofSeconds(config.integer("telephony.session-expires-seconds")), config.string("telephony.registrar"),
                config.string("telephony.user"), config.string("telephony.password"),
                Duration.ofSeconds(config.integer("telephony.register-expires-seconds")), "OpenHotline");
        VoiceSettings voice = VoiceConfig.settings(config);
        Prompts prompts = voice.prompts();
        if (recognizer == null) log.info("voice bot off until voice.asr.model-path is set: bot nodes in the IVR say so and go on");
        InbandDtmf inband;
        try {
            inband = InbandDtmf.parse(config.string("telephony.inband-dtmf"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        CallTrail trail = new CallTrail();
        PhoneQueue queue = new PhoneQueue(desk, phones, prompts, ivr.language(), Duration.ofSeconds(config.integer("telephony.position-every-seconds")),
                endReason, single(groups(config, "telephony.leaders")), trail);
        SipUserAgent agent;
        try {
            agent = SipUserAgent.start(sip, null);
        } catch (Exception e) {
            queue.close();
            throw e;
        }
        try {
            agent.mediaEngine().inbandDtmf(inband);
            Bridge bridge = new Bridge(agent, queue, new CallbackTasksSink(callbacks), recordingsDir(config, data),
                    Duration.ofSeconds(config.integer("telephony.agent-ring-seconds"))).recordTo(recordings);
            new RecordingFiles(recordingsDir(config, data)).recover(recordings);
            SpeechBot bot = recognizer == null ? null : new SpeechBot(recognizer,
                    (callId, text) -> conversation.respond(PhoneTexts.botTurn(callId, text)).reply(), 20, Duration.ofSeconds(8));
            String businessUrl = config.string("flows.business-url").replaceAll("/+$", "");
            IvrServices services = new IvrServices(hours, new HttpBusinessClient(), Map.of("business.base-url", businessUrl), bridge, bot,
                    Files.createDirectories(messagesDir(config, data)), IvrEvents.all(trail, new IvrCallbackEvents(callbacks)), recognizer);
            bridge.holdMusic(() -> PromptAdmin.holdMusic(prompts, ivr.language()));
            Map<String, IvrEngine> byNumber = new LinkedHashMap<>();
            lineIvrs.forEach((number, d) -> byNumber.put(number, new IvrEngine(d, services, prompts)));
            IvrLines lines = new IvrLines(new IvrEngine(ivr, services, prompts), byNumber);
            lines.warmUp();
            agent.handler(lines);
            if (!byNumber.isEmpty()) log.info("IVR lines: {} by called number, '{}' for any other", byNumber.keySet(), ivr.name());
            PromptAdmin promptAdmin = new PromptAdmin(lines, prompts, ivr.language());
            CallbackDialer dialer = outbound.isEmpty() ? null : new CallbackDialer(agent, phones, callbacks, recordings, new CallbackDialer.Settings(
                    outbound, config.string("telephony.user"), Duration.ofSeconds(config.integer("telephony.agent-ring-seconds")),
                    Duration.ofSeconds(config.integer("telephony.outbound-ring-seconds")), recordingsDir(config, data)), java.time.Clock.systemUTC());
            return new TelephonyWiring(agent, bridge, queue, Duration.ofSeconds(config.integer("telephony.agent-ring-seconds")), callbacks, dialer)
                    .prompts(promptAdmin);
        } catch (RuntimeException e) {
            agent.close();
            queue.close();
            throw e;
        }
    }

    /** {@code telephony.ivr-lines} "number=file" items, each file read and checked; a bad item or file stops the start naming it. */
    static Map<String, IvrDefinition> lineIvrs(HotlineConfig config) {
        Map<String, Path> files;
        try {
            files = IvrLines.parse(config.list("telephony.ivr-lines"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("'telephony.ivr-lines': " + e.getMessage());
        }
        Map<String, IvrDefinition> out = new LinkedHashMap<>();
        files.forEach((number, file) -> {
            try {
                out.put(number, IvrParser.read(file));
            } catch (RuntimeException e) {
                throw new ConfigException("'telephony.ivr-lines' " + number + ": " + e.getMessage());
            }
        });
        return out;
    }

    /** Where the IVR saves voice messages ({@code telephony.messages-dir}, default data/voice-messages); the desk serves them by task. */
    public static Path messagesDir(HotlineConfig config, Path data) {
        String v = config.string("telephony.messages-dir");
        return v.isBlank() ? data.resolve("voice-messages") : Path.of(v);
    }

    /** {@code telephony.recordings-dir}, or {@code recordings} under the data folder; created if missing. */
    public static Path recordingsDir(HotlineConfig config, Path data) throws java.io.IOException {
        return dir(config, data, "telephony.recordings-dir", "recordings");
    }

    private static Path dir(HotlineConfig config, Path data, String key, String fallback) throws java.io.IOException {
        String v = config.string(key);
        return Files.createDirectories(v.isBlank() ? data.resolve(fallback) : Path.of(v));
    }

    /** "group=sip:uri" items → the URIs per group, in order. */
    static Map<String, List<String>> groups(HotlineConfig config, String key) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String item : config.list(key)) {
            int eq = item.indexOf('=');
            if (eq <= 0 || !item.substring(eq + 1).strip().startsWith("sip:"))
                throw new ConfigException("'" + key + "' items are group=sip:uri, not '" + item + "'");
            m.computeIfAbsent(item.substring(0, eq).strip(), g -> new ArrayList<>()).add(item.substring(eq + 1).strip());
        }
        return m;
    }

    private static Map<String, String> single(Map<String, List<String>> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((g, uris) -> out.put(g, uris.getFirst()));
        return out;
    }

    /** Lets agents' softphones register here, their SIP passwords checked with {@code credentials} ({@link RegisteredPhones}). */
    public RegisteredPhones phones(org.openhotline.telephony.sip.PhoneCredentials credentials, HotlineConfig config) {
        return RegisteredPhones.enable(agent, credentials, config);
    }

    public int sipPort() {
        return agent.port();
    }

    /**
     * The old callback list under the admin API (registered only with an admin token), answered from the desk's tasks:
     * {@code GET /api/admin/telephony/missed-calls} lists missed and abandoned calls not yet called back, oldest first.
     * Agents work them at {@code /api/desk/callbacks}; the DELETE that marked one called back is gone (agents record
     * the outcome there).
     */
    public void adminRoutes(io.javalin.Javalin app) {
        promptAdmin.register(app); // 提示音: /api/admin/telephony/prompts (ADMIN only)
        app.get("/api/admin/telephony/missed-calls", ctx -> {
            CallbackViewer all = new CallbackViewer("admin", List.of(), true);
            var calls = new ArrayList<CallbackTask>();
            for (CallbackStatus s : List.of(CallbackStatus.OPEN, CallbackStatus.CLAIMED)) {
                callbacks.list(all, s, null).stream().filter(t -> t.kind() == CallbackKind.MISSED_CALL || t.kind() == CallbackKind.ABANDONED)
                        .forEach(calls::add);
            }
            calls.sort(java.util.Comparator.comparing(CallbackTask::createdAt));
            ctx.json(Map.of("count", calls.size(), "calls", calls.stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("callId", c.callId());
                m.put("caller", c.phone());
                m.put("skillGroup", c.skillGroup());
                m.put("at", c.lastContactAt().toString());
                m.put("reason", c.reason());
                m.put("taskId", String.valueOf(c.id()));
                m.put("contacts", c.contacts());
                return m;
            }).toList()));
        });
    }

    /** The console's attended transfer of phone calls (consult, complete, cancel), for signed-in agents. */
    public void deskRoutes(io.javalin.Javalin app) {
        new ConsultRoutes(queue, ringTimeout).register(app);
    }

    /** Click-to-dial of call-back tasks through {@code telephony.outbound-uri}; {@link org.openhotline.server.desk.CallbackDialing#OFF} when it is empty. */
    public org.openhotline.server.desk.CallbackDialing callbackDialing() {
        return dialer == null ? org.openhotline.server.desk.CallbackDialing.OFF : dialer;
    }

    /** Whether the agent's phone is in a click-to-dial call back on this node (then the desk rings others). */
    public boolean callingBack(String agentId) {
        return dialer != null && dialer.callingBack(agentId);
    }

    /** The desk side of calls on this node (attended transfer from the console). */
    public PhoneQueue queue() {
        return queue;
    }

    /**
     * The desk chats of calls on this node end first (while the desk still runs), then the SIP agent hangs up every
     * caller and phone with BYE. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (dialer != null) dialer.close();
        queue.close();
        agent.close();
    }

    /** What is in progress on this node, to see that calls leave nothing behind: SIP calls, RTP sessions, bridged and desk calls. */
    public Map<String, Integer> load() {
        return Map.of("sipCalls", agent.activeCalls(), "rtpSessions", agent.mediaEngine().activeSessions(),
                "bridged", bridge.activeCalls(), "deskCalls", queue.calls(), "callBacks", dialer == null ? 0 : (int) dialer.live());
    }
}
