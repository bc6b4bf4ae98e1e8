package org.openhotline.telephony.ivr;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A whole IVR: its nodes, and the schedule choosing the entry menu by the calendar (a special day, a public
 * holiday, outside the phone hours of {@code hoursGroup}, open) — first matching route wins.
 */
public record IvrDefinition(String name, Locale language, String hoursGroup, List<Route> schedule, Map<String, IvrNode> nodes,
                            IvrPrompt invalid, IvrPrompt noInput, IvrPrompt goodbye) {

    public static final int MAX_MENU_LEVELS = 5;

    /** When a route applies. */
    public enum When {
        SPECIAL, HOLIDAY, MAKEUP_WORKDAY, WEEKEND, CLOSED, OPEN, ALWAYS;

        static When fromKey(String k) {
            return valueOf(k.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public record Route(When when, String node) {}

    public IvrNode node(String id) {
        return nodes.get(id);
    }
}
