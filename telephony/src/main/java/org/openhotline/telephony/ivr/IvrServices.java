package org.openhotline.telephony.ivr;

import java.nio.file.Path;
import java.util.Map;
import org.openhotline.bot.flow.http.BusinessClient;
import org.openhotline.bot.hours.ServiceHours;

/**
 * What an IVR walk needs from the rest of the product. {@code transfer} and {@code bot} may be null (the node
 * then says it cannot and goes on); {@code variables} are the flat template values such as {@code business.base-url}.
 */
public record IvrServices(ServiceHours hours, BusinessClient business, Map<String, String> variables, CallTransfer transfer,
                          VoiceBot bot, Path messageDir, IvrEvents events) {
    public IvrServices {
        variables = Map.copyOf(variables);
        events = events == null ? IvrEvents.NONE : events;
    }
}
