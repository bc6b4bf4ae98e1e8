package org.openhotline.telephony.voicebot;

import org.openhotline.bot.message.Reply;

/**
 * The chat engine as the voice bot needs it: one recognised utterance in, the reply out. The server wires it to
 * {@code Conversation.respond(new Inbound(Channel.VOICE, callId, text))}, so answers come in their voice variant.
 */
@FunctionalInterface
public interface DialogueEngine {
    Reply respond(String callId, String text);
}
