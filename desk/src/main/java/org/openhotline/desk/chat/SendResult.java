package org.openhotline.desk.chat;

import java.util.List;

/**
 * The outcome of sending: the stored message, or a refusal. {@code refusedWords} names the sensitive words that
 * stopped it and {@code reason} is the sentence for the agent ("消息未发送，含有敏感词：「…」").
 */
public record SendResult(ChatMessage message, List<String> refusedWords, String reason) {
    public SendResult {
        refusedWords = refusedWords == null ? List.of() : List.copyOf(refusedWords);
    }

    public static SendResult sent(ChatMessage m) {
        return new SendResult(m, List.of(), null);
    }

    public static SendResult refused(List<String> words, String reason) {
        return new SendResult(null, words, reason);
    }

    public boolean isSent() {
        return message != null;
    }
}
