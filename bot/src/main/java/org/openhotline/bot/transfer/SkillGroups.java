package org.openhotline.bot.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which agents' group a handoff goes to, from the category of what the citizen was asking about: a
 * medical-insurance question should reach the 医保 group, not the first free agent.
 */
public final class SkillGroups {
    private final Map<String, String> byCategory;
    private final String fallback;

    public SkillGroups(Map<String, String> byCategory, String fallback) {
        this.byCategory = Map.copyOf(byCategory);
        this.fallback = fallback;
    }

    /** From "category=group" lines (configuration {@code bot.skill-groups}); a bare name maps a category to itself. */
    public static SkillGroups parse(List<String> lines, String fallback) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            String cat = (eq < 0 ? line : line.substring(0, eq)).strip();
            String group = (eq < 0 ? line : line.substring(eq + 1)).strip();
            if (cat.isEmpty() || group.isEmpty()) throw new IllegalArgumentException("skill group mapping '" + line + "' must be category=group");
            map.put(cat, group);
        }
        return new SkillGroups(map, fallback);
    }

    /** The group for a category path ("医保/异地就医"): the longest configured prefix wins. */
    public String of(String category) {
        if (category == null) return fallback;
        String best = null;
        for (String cat : byCategory.keySet()) {
            if ((category.equals(cat) || category.startsWith(cat + "/")) && (best == null || cat.length() > best.length())) best = cat;
        }
        return best == null ? fallback : byCategory.get(best);
    }
}
