package org.openhotline.kb.workflow;

import java.util.List;
import org.openhotline.kb.model.Entry;

/**
 * What must hold before a candidate version may go live. The server's gate replays the saved test questions
 * against a throwaway index of the candidate; {@link #OPEN} lets everything through (no questions, tests).
 */
public interface PublishGate {
    PublishGate OPEN = (current, candidate) -> Verdict.pass(null);

    Verdict check(List<Entry> current, List<Entry> candidate);

    /** {@code report}: what the gate measured, returned to the caller as is (JSON-serialisable). */
    record Verdict(boolean regression, String summary, Object report) {
        public static Verdict pass(Object report) {
            return new Verdict(false, "", report);
        }
    }
}
