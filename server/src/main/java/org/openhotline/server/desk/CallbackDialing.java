package org.openhotline.server.desk;

import java.util.Map;
import java.util.Optional;
import org.openhotline.desk.callback.CallbackTask;
import org.openhotline.desk.callback.CallbackViewer;
import org.openhotline.server.http.BadRequest;

/**
 * Port: click-to-dial (回拨) for the call-back API. The phone channel plugs its dialer in once it runs; until then, and
 * whenever {@code telephony.outbound-uri} is empty, {@link #OFF} refuses with an error naming the setting. Calls live
 * on the node whose SIP agent placed them: {@link #call} knows only this node's.
 */
public interface CallbackDialing {
    /** True when a 回拨 button makes sense (the console hides it otherwise). */
    boolean enabled();

    /**
     * Rings {@code who}'s own phone, then the task's number once they answer; returns the new call's id at once. The
     * caller has checked that {@code who} holds the task's claim.
     */
    String dial(CallbackViewer who, CallbackTask task);

    /** The task's latest call back on this node (live, or ended recently): id, state, outcome, reason. */
    Optional<Map<String, Object>> call(long taskId);

    /** Hangs up the task's live call back, if {@code who} placed it; false when there is none. */
    boolean hangup(CallbackViewer who, long taskId);

    /** Click-to-dial off: the phone channel is off, or no outbound route is configured. */
    CallbackDialing OFF = new CallbackDialing() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public String dial(CallbackViewer who, CallbackTask task) {
            throw new BadRequest(409, "dial_off", "click-to-dial is off: set telephony.outbound-uri (with telephony.enabled) to a route like sip:{number}@10.0.0.1:5060");
        }

        @Override
        public Optional<Map<String, Object>> call(long taskId) {
            return Optional.empty();
        }

        @Override
        public boolean hangup(CallbackViewer who, long taskId) {
            return false;
        }
    };
}
