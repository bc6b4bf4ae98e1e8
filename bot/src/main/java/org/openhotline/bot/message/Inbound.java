package org.openhotline.bot.message;

import java.util.Objects;

/**
 * One citizen message as every channel hands it to the bot. The session is per citizen per channel, so
 * the same person on WeChat and on the phone has two conversations (their identities differ anyway).
 *
 * @param citizenId the channel's stable id of the person (WeChat OpenID, caller number, web session id)
 */
public record Inbound(Channel channel, String citizenId, String text) {
    public Inbound {
        Objects.requireNonNull(channel, "channel");
        if (citizenId == null || citizenId.isBlank()) throw new IllegalArgumentException("citizenId is required");
        text = text == null ? "" : text;
    }

    public static Inbound web(String sessionId, String text) {
        return new Inbound(Channel.WEB, sessionId, text);
    }

    /** The session key: channel and citizen. */
    public String sessionId() {
        return channel == Channel.WEB || channel == Channel.API ? citizenId : channel.wireName() + ":" + citizenId;
    }
}
