package org.openhotline.nlu.intent;

import java.util.List;

/**
 * The fixed wire names of the intents: other modules, logs and reports match on these strings, so they
 * never change. Purposes say why the citizen writes; dialogue acts steer the conversation.
 */
public final class IntentNames {
    public static final String CONSULT = "consult";
    public static final String COMPLAIN = "complain";
    public static final String SUGGEST = "suggest";
    public static final String ASK_HUMAN = "ask_human";
    public static final String GREETING = "greeting";
    public static final String THANKS = "thanks";
    public static final String GOODBYE = "goodbye";
    public static final String CHITCHAT = "chitchat";
    public static final String AFFIRM = "affirm";
    public static final String DENY = "deny";
    public static final String CANCEL = "cancel";
    public static final String CHOOSE_OPTION = "choose_option";
    public static final String NEGATIVE_EMOTION = "negative_emotion";

    /** 咨询, 投诉求助, 建言: mutually exclusive reasons for writing. */
    public static final List<String> PURPOSES = List.of(CONSULT, COMPLAIN, SUGGEST);

    /** Everything else; any number of them may be present in one message. */
    public static final List<String> DIALOGUE_ACTS = List.of(ASK_HUMAN, GREETING, THANKS, GOODBYE, CHITCHAT, AFFIRM,
            DENY, CANCEL, CHOOSE_OPTION, NEGATIVE_EMOTION);

    public static final List<String> ALL = java.util.stream.Stream.concat(PURPOSES.stream(), DIALOGUE_ACTS.stream()).toList();

    private IntentNames() {
    }
}
