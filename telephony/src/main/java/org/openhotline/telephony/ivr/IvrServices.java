package org.openhotline.telephony.ivr;

import java.nio.file.Path;
import java.util.Map;
import org.openhotline.bot.flow.http.BusinessClient;
import org.openhotline.bot.hours.ServiceHours;
import org.openhotline.voice.asr.SpeechRecognizer;

/**
 * What an IVR walk needs from the rest of the product. {@code transfer} and {@code bot} may be null (the node
 * then says it cannot and goes on); {@code variables} are the flat template values such as {@code business.base-url};
 * {@code speech} (may be null) lets menus take spoken choices.
 */
public record IvrServices(ServiceHours hours, BusinessClient business, Map<String, String> variables, CallTransfer transfer,
                          VoiceBot bot, Path messageDir, IvrEvents events, SpeechRecognizer speech) {
    public IvrServices {
        variables = Map.copyOf(variables);
        events = events == null ? IvrEvents.NONE : events;
    }

    /** Without speech recognition: menus take keys only. */
    public IvrServices(ServiceHours hours, BusinessClient business, Map<String, String> variables, CallTransfer transfer,
                       VoiceBot bot, Path messageDir, IvrEvents events) {
        this(hours, business, variables, transfer, bot, messageDir, events, null);
    }
}
