package org.openhotline.telephony.ivr;

/** The caller hung up while the IVR was speaking or waiting: unwinds the walk, nothing more to say. */
public final class CallEndedException extends RuntimeException {
    public CallEndedException() {
        super("the caller hung up", null, false, false);
    }
}
