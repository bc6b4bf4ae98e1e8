package org.openhotline.server.telephony;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.telephony.ivr.IvrEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVR's events: logged (call ids and node names only), and each live call's path through the menus kept so
 * that the agent who takes the call sees where the caller went and what they keyed ("ivr: …" lines of the handoff
 * summary). Bounded per call; forgotten when the call's IVR walk ends.
 */
final class CallTrail implements IvrEvents {
    private static final Logger log = LoggerFactory.getLogger(CallTrail.class);
    private static final int MAX_LINES = 40;
    private final Map<String, List<String>> paths = new ConcurrentHashMap<>();

    /** The path so far, oldest first. */
    List<String> of(String callId) {
        List<String> p = paths.get(callId);
        if (p == null) return List.of();
        synchronized (p) {
            return List.copyOf(p);
        }
    }

    @Override
    public void nodeEntered(String callId, String node) {
        add(callId, "ivr: 进入「" + node + "」");
    }

    @Override
    public void keyPressed(String callId, String node, char key) {
        add(callId, "citizen: 在「" + node + "」按 " + key); // menu choices only; digits typed into input nodes never reach here
    }

    private void add(String callId, String line) {
        if (paths.size() > 10_000) paths.clear(); // calls that never finished (a crash mid-walk) must not pile up
        List<String> p = paths.computeIfAbsent(callId, k -> new ArrayList<>());
        synchronized (p) {
            if (p.size() < MAX_LINES) p.add(line);
        }
    }

    @Override
    public void surveyScore(String callId, String caller, int score) {
        log.info("{}: satisfaction {}", callId, score);
    }

    @Override
    public void voiceMessage(String callId, String caller, Path wav, long millis) {
        log.info("{}: voice message of {} s saved as {}", callId, millis / 1000, wav.getFileName());
    }

    @Override
    public void finished(String callId, String lastNode) {
        paths.remove(callId);
        log.debug("{}: IVR finished at {}", callId, lastNode);
    }
}
