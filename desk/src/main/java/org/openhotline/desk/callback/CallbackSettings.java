package org.openhotline.desk.callback;

import java.time.Duration;
import java.util.Map;
import org.openhotline.desk.DeskSettings;

/**
 * The {@code desk.callback-*} keys: a task is due this long after it was created (overdue ones are listed first), a
 * claim lapses back to OPEN after {@code claim} (an agent who went home does not keep citizens waiting), and after
 * {@code maxAttempts} unanswered calls the task is done as NO_ANSWER. Repeated contacts within {@code mergeWithin}
 * from one number join the open task.
 */
public record CallbackSettings(Duration due, Duration claim, int maxAttempts, Duration mergeWithin) {
    public CallbackSettings {
        if (maxAttempts < 1) throw new IllegalArgumentException("desk.callback-max-attempts must be at least 1");
        if (due.isNegative() || due.isZero() || claim.isNegative() || claim.isZero())
            throw new IllegalArgumentException("desk.callback-due-hours and desk.callback-claim-minutes must be positive");
    }

    public static CallbackSettings defaults() {
        return fromTree(Map.of());
    }

    /** Reads the keys from the desk section. */
    public static CallbackSettings fromTree(Map<String, Object> desk) {
        return new CallbackSettings(Duration.ofHours(DeskSettings.num(desk, "callback-due-hours", 24)),
                Duration.ofMinutes(DeskSettings.num(desk, "callback-claim-minutes", 30)), (int) DeskSettings.num(desk, "callback-max-attempts", 3),
                Duration.ofHours(DeskSettings.num(desk, "callback-merge-hours", 24)));
    }
}
