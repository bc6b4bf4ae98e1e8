package org.openhotline.server.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.bot.message.Channel;
import org.openhotline.bot.message.Inbound;
import org.openhotline.telephony.bridge.WaitingCall;

/** What the phone queue says to callers and shows to agents. */
final class PhoneTexts {
    static final String CHANNEL = "voice";

    private PhoneTexts() {}

    /** Who the caller is to the chat engine: the voice bot talks to the engine as this citizen. */
    static Inbound botTurn(String callId, String text) {
        return new Inbound(Channel.VOICE, "call-" + callId, text);
    }

    /**
     * The call's desk session: the voice bot's, so a call the bot handed over and the IVR then transfers stays the one
     * chat (the desk adds the number and menu path to the bot's summary) instead of leaving a second one nobody is on.
     */
    static String session(String callId) {
        return botTurn(callId, "").sessionId();
    }

    /** "您前面还有2位，预计等待3分钟，请稍候": people ahead, whole minutes rounded up (at least one). */
    static String position(int position, Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return "您前面还有" + Math.max(0, position - 1) + "位，预计等待" + minutes + "分钟，请稍候";
    }

    /**
     * What the agent sees of a call the IVR transferred: the number (entity "phone=…", shown in the console's head) and
     * the IVR path with the menu keys. A call the voice bot queued first keeps the bot's summary (the desk's open chat).
     */
    static HandoffSummary summary(WaitingCall call, String session, CallTrail trail) {
        List<String> path = trail == null ? List.of() : trail.of(call.callId());
        return new HandoffSummary(session, CHANNEL, "ivr", "来电 " + call.caller() + " 在语音导航中转人工", call.group(), path, List.of(),
                List.of("phone=" + call.caller()), null, Map.of(), null, Instant.now());
    }
}
