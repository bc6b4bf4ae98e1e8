package org.openhotline.server.telephony;

import org.openhotline.desk.callback.CallbackKind;
import org.openhotline.desk.callback.Callbacks;
import org.openhotline.desk.callback.NewCallback;
import org.openhotline.telephony.bridge.MissedCall;
import org.openhotline.telephony.bridge.MissedCalls;
import org.openhotline.telephony.sip.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's missed calls become the desk's call-back tasks: no_agent and unanswered are MISSED_CALL, abandoned
 * (the caller hung up while waiting) is ABANDONED. A database fault is logged, never thrown into the caller's call.
 */
final class CallbackTasksSink implements MissedCalls {
    private static final Logger log = LoggerFactory.getLogger(CallbackTasksSink.class);
    private final Callbacks tasks;

    CallbackTasksSink(Callbacks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void add(MissedCall c) {
        CallbackKind kind = "abandoned".equals(c.reason()) ? CallbackKind.ABANDONED : CallbackKind.MISSED_CALL;
        try {
            tasks.create(NewCallback.call(kind, c.caller(), c.skillGroup(), c.reason(), c.callId()));
        } catch (RuntimeException e) {
            log.error("{}: missed call from {} ({}) could not become a callback task", c.callId(), Masked.number(c.caller()), c.reason(), e);
        }
    }
}
