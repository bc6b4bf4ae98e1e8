package org.openhotline.telephony.ivr;

import org.openhotline.telephony.sip.CallHandler;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.voice.prompt.Prompts;

/** Answers each call with the IVR: the {@link CallHandler} the SIP agent runs for every answered call. */
public final class IvrEngine implements CallHandler {
    private final IvrDefinition ivr;
    private final IvrServices services;
    private final Prompts prompts;

    public IvrEngine(IvrDefinition ivr, IvrServices services, Prompts prompts) {
        this.ivr = ivr;
        this.services = services;
        this.prompts = prompts;
    }

    @Override
    public void handle(SipCall call) {
        new IvrRun(ivr, services, new RtpCallIo(call, prompts, true)).run();
    }

    public IvrDefinition definition() {
        return ivr;
    }
}
