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

    /**
     * Synthesises every prompt that reads no call data (the menus, the texts) into the prompt cache, so that no
     * caller waits for TTS after a key. Runs on a virtual thread; a prompt that cannot be spoken is skipped here
     * and reported when a call reaches it. Returns the thread (tests join it).
     */
    public Thread warmUp() {
        return Thread.ofVirtual().name("ivr-warm-up").start(() -> {
            int n = 0;
            for (IvrPrompt p : IvrParser.prompts(ivr)) {
                if (p.text() != null && p.source().contains("${")) continue; // reads call data: spoken when known
                try {
                    prompts.audio(p.render(new org.openhotline.bot.flow.template.Scope(java.util.Map.of(), java.util.Map.of(), null), ivr.language()), 8000);
                    n++;
                } catch (RuntimeException e) {
                    // reported on the call that needs it
                }
            }
            org.slf4j.LoggerFactory.getLogger(IvrEngine.class).info("IVR '{}': {} prompts ready", ivr.name(), n);
        });
    }
}
