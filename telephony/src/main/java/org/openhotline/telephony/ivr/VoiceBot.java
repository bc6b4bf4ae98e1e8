package org.openhotline.telephony.ivr;

import java.util.Optional;

/**
 * The voice bot as the IVR sees it: talks with the caller on the call until the caller is done or asks for a
 * person. Returns the skill group to transfer to ({@code defaultGroup} unless the bot knows better), or empty
 * to continue with the node after the bot.
 */
public interface VoiceBot {
    Optional<String> talk(CallIo call, String defaultGroup, java.util.Locale language);
}
