package org.openhotline.bot.message;

import java.util.List;

/**
 * The bot's answer to one message, channel-neutral.
 *
 * @param entryId    the knowledge entry answered from (ANSWER), else null
 * @param options    numbered choices (CLARIFY), hot questions (FALLBACK) or related questions (ANSWER)
 * @param confidence the retrieval confidence of the top candidate, 0..1
 * @param reason     why the bot transferred or fell back, for logs and the agent's summary
 * @param act        what the bot did, finer than the type
 * @param buttons    quick replies for channels with buttons (转人工, 留言, 是/否); voice and WeChat read them in the text
 * @param flowId     the task flow that produced the reply, else null
 * @param transfer   the transfer policy's decision when it decided to hand over (even outside service hours), else null
 */
public record Reply(ReplyType type, String text, String entryId, List<ReplyOption> options, double confidence, String reason,
                    ReplyAct act, List<String> buttons, String flowId, String transfer) {
    public Reply {
        options = List.copyOf(options == null ? List.of() : options);
        buttons = List.copyOf(buttons == null ? List.of() : buttons);
        if (act == null) act = defaultAct(type);
    }

    public Reply(ReplyType type, String text, String entryId, List<ReplyOption> options, double confidence, String reason) {
        this(type, text, entryId, options, confidence, reason, null, List.of(), null, null);
    }

    public static Reply of(ReplyType type, ReplyAct act, String text, String reason) {
        return new Reply(type, text, null, List.of(), 0, reason, act, List.of(), null, null);
    }

    public Reply withButtons(List<String> b) {
        return new Reply(type, text, entryId, options, confidence, reason, act, b, flowId, transfer);
    }

    public Reply withFlow(String id) {
        return new Reply(type, text, entryId, options, confidence, reason, act, buttons, id, transfer);
    }

    public Reply withTransfer(String reasonCode) {
        return new Reply(type, text, entryId, options, confidence, reason, act, buttons, flowId, reasonCode);
    }

    public Reply withText(String t) {
        return new Reply(type, t, entryId, options, confidence, reason, act, buttons, flowId, transfer);
    }

    private static ReplyAct defaultAct(ReplyType type) {
        return switch (type) {
            case ANSWER -> ReplyAct.FAQ;
            case CLARIFY -> ReplyAct.CLARIFY;
            case FALLBACK -> ReplyAct.FALLBACK;
            case TRANSFER -> ReplyAct.TRANSFER;
        };
    }
}
