package org.openhotline.telephony.sip;

/**
 * What to do with an answered call: the IVR, or a test. Runs on its own virtual thread, so it may block
 * (wait for keys, play prompts one after the other) and simply returns when done with the call.
 */
@FunctionalInterface
public interface CallHandler {
    void handle(SipCall call) throws Exception;
}
