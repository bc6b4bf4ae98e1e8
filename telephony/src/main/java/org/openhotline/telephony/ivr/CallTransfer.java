package org.openhotline.telephony.ivr;

/**
 * Hands a call to a person of a skill group (the bridge implements it). Blocks on the call's thread until the
 * bridged conversation is over, or returns at once when no one can take the call.
 */
public interface CallTransfer {
    enum Outcome { TALKED, NO_AGENT, CALLER_LEFT }

    Outcome transfer(CallIo call, String skillGroup);
}
