package org.openhotline.nlu.sensitive;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to do with each category in each direction, and the reply a citizen gets when an inbound
 * message is blocked. Immutable; {@link #defaults()} is the shipped policy, {@link #toBuilder()} edits it.
 */
public final class SensitivePolicy {
    /** Reply for a blocked inbound message when the category has none of its own. */
    public static final String DEFAULT_BLOCK_REPLY = "您好，您的消息含有不适宜的内容，请文明、规范地描述您要咨询或反映的问题。";

    private final Map<Direction, Map<Category, Action>> actions;
    private final Map<Category, String> replies;
    private final String defaultReply;

    private SensitivePolicy(Map<Direction, Map<Category, Action>> actions, Map<Category, String> replies, String defaultReply) {
        this.actions = actions;
        this.replies = replies;
        this.defaultReply = defaultReply;
    }

    /**
     * Inbound: citizens report guns, scams and threats to the hotline, so violence, fraud ads and personal
     * data are only flagged for a person to read; porn and abuse are masked before an agent sees them
     * (abuse is counted for the transfer policy); political topics are outside a service hotline and get a
     * polite reply. Outbound: nothing sensitive may reach a citizen, so every category blocks.
     */
    public static SensitivePolicy defaults() {
        return builder()
                .set(Direction.INBOUND, Category.POLITICS, Action.BLOCK)
                .set(Direction.INBOUND, Category.PORN, Action.MASK)
                .set(Direction.INBOUND, Category.VIOLENCE, Action.FLAG)
                .set(Direction.INBOUND, Category.FRAUD_AD, Action.FLAG)
                .set(Direction.INBOUND, Category.ABUSE, Action.MASK)
                .set(Direction.INBOUND, Category.PERSONAL_DATA, Action.FLAG)
                .reply(Category.POLITICS, "您好，本热线受理政务服务咨询、求助和投诉建议，您提到的话题不在服务范围内，请问有什么可以帮您？")
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Action action(Direction direction, Category category) {
        return actions.get(direction).get(category);
    }

    /** The reply a citizen gets when an inbound message is blocked because of {@code category}. */
    public String reply(Category category) {
        return replies.getOrDefault(category, defaultReply);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        actions.forEach((d, m) -> b.actions.get(d).putAll(m));
        b.replies.putAll(replies);
        b.defaultReply = defaultReply;
        return b;
    }

    /** Starts from BLOCK everywhere (the safe side) and the default reply. */
    public static final class Builder {
        private final Map<Direction, Map<Category, Action>> actions = new EnumMap<>(Direction.class);
        private final Map<Category, String> replies = new EnumMap<>(Category.class);
        private String defaultReply = DEFAULT_BLOCK_REPLY;

        private Builder() {
            for (Direction d : Direction.values()) {
                Map<Category, Action> m = new EnumMap<>(Category.class);
                for (Category c : Category.values()) m.put(c, Action.BLOCK);
                actions.put(d, m);
            }
        }

        public Builder set(Direction direction, Category category, Action action) {
            actions.get(direction).put(category, Objects.requireNonNull(action));
            return this;
        }

        public Builder reply(Category category, String reply) {
            replies.put(category, Objects.requireNonNull(reply));
            return this;
        }

        public Builder defaultReply(String reply) {
            defaultReply = Objects.requireNonNull(reply);
            return this;
        }

        public SensitivePolicy build() {
            Map<Direction, Map<Category, Action>> copy = new EnumMap<>(Direction.class);
            actions.forEach((d, m) -> copy.put(d, Map.copyOf(m)));
            return new SensitivePolicy(Map.copyOf(copy), Map.copyOf(replies), defaultReply);
        }
    }
}
