package org.openhotline.desk.group;

import java.time.Duration;

/**
 * A skill group (社保, 医保, 公积金, 12345综合 …) and its routing rules.
 *
 * @param code          the key the bot hands over ({@code HandoffSummary.skillGroup})
 * @param saturation    at most this many active chats per agent in this group (0 = the agent's own maximum)
 * @param overflowGroup where a chat goes after waiting {@code overflowAfter} (null = none)
 * @param queueTimeout  after this wait the citizen is offered to leave a message or a callback
 * @param welcome       the text the citizen gets when queued (null = the desk default)
 */
public record SkillGroup(String code, String name, RoutingStrategy strategy, int saturation, String overflowGroup,
                         Duration overflowAfter, Duration queueTimeout, String welcome, boolean enabled) {
    public SkillGroup {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("a skill group needs a code");
        if (saturation < 0) throw new IllegalArgumentException("saturation must be >= 0");
        if (name == null || name.isBlank()) name = code;
        if (strategy == null) strategy = RoutingStrategy.LEAST_BUSY;
        if (overflowAfter == null) overflowAfter = Duration.ZERO;
        if (queueTimeout == null) queueTimeout = Duration.ofMinutes(10);
        if (overflowGroup != null && overflowGroup.isBlank()) overflowGroup = null;
    }
}
