package org.openhotline.bot.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openhotline.bot.flow.definition.SlotDefinition;
import org.openhotline.bot.flow.definition.SlotType;
import org.openhotline.nlu.entity.Entity;
import org.openhotline.nlu.entity.EntityType;

/**
 * Reads a slot's value out of one message: the NLU entity of the slot's type, a standalone digit code, a
 * pattern, or the text itself. Returns the slot's value and any companion values ({@code where_district}),
 * or null when nothing in the message fits.
 */
final class SlotReader {
    private static final Pattern DIGIT_GAP = Pattern.compile("(?<=[0-9])[\\s-]+(?=[0-9])");
    private static final Pattern ADDRESS_WORDS = Pattern.compile(
            "[路街道巷弄号村镇乡区县市省苑庄]|小区|社区|广场|市场|公园|花园|医院|学校|商场|大厦|大楼|公寓|车站|地铁站|胡同");
    private static final Pattern LEADING_PLACE_WORDS = Pattern.compile("^(地点|地址|位置|位于|就在|在)[是为:：,，\\s]*");

    private SlotReader() {}

    /** @param u the message; free-text slots take the message as written, other types read the normalised text or entities */
    static Map<String, String> read(SlotDefinition slot, Utterance u, List<SlotDefinition> others) {
        for (SlotType type : slot.types()) {
            String value = switch (type) {
                case CODE -> code(u.normalized, slot.length());
                case REGEX -> regex(slot, u.normalized);
                case TEXT -> text(slot, u.original, u, others);
                case ADDRESS -> address(slot, u, others);
                default -> entity(u, type.entity());
            };
            if (value != null) {
                Map<String, String> out = new LinkedHashMap<>();
                out.put(slot.name(), slot.upperCase() ? value.toUpperCase(java.util.Locale.ROOT) : value);
                if (type == SlotType.ADDRESS) {
                    String district = entity(u, EntityType.DISTRICT);
                    if (district != null) out.put(slot.name() + "_district", district);
                }
                return out;
            }
        }
        return null;
    }

    /** A free-text value given directly after a correction (地址改成 X): checked like the slot's own answer. */
    static Map<String, String> readText(SlotDefinition slot, String text, Utterance u) {
        if (!slot.freeText()) return null;
        String value = slot.accepts(SlotType.ADDRESS) ? addressValue(slot, text, u) : lengthOk(slot, text);
        if (value == null) return null;
        Map<String, String> out = new LinkedHashMap<>();
        out.put(slot.name(), value);
        if (slot.accepts(SlotType.ADDRESS)) {
            String district = entity(u, EntityType.DISTRICT);
            if (district != null) out.put(slot.name() + "_district", district);
        }
        return out;
    }

    /** An optional slot answered with 不记得 / 不清楚. */
    static boolean skipped(SlotDefinition slot, Utterance u) {
        if (!slot.optional() || u.bare.length() > 12) return false;
        for (String w : slot.skipWords()) if (u.bare.contains(w)) return true;
        return false;
    }

    private static String entity(Utterance u, EntityType type) {
        for (Entity e : u.analysis.entities()) if (e.type() == type) return e.value();
        return null;
    }

    static String code(String normalized, int length) {
        Matcher m = Pattern.compile("(?<![0-9])[0-9]{" + length + "}(?![0-9])").matcher(DIGIT_GAP.matcher(normalized).replaceAll(""));
        return m.find() ? m.group() : null;
    }

    private static String regex(SlotDefinition slot, String normalized) {
        Matcher m = slot.pattern().matcher(normalized);
        if (!m.find()) return null;
        return slot.pattern().namedGroups().containsKey("value") ? m.group("value") : m.group();
    }

    private static String text(SlotDefinition slot, String original, Utterance u, List<SlotDefinition> others) {
        if (mostlyOtherSlot(u, others)) return null;
        return lengthOk(slot, original);
    }

    private static String lengthOk(SlotDefinition slot, String text) {
        String t = text.strip();
        int chars = t.codePointCount(0, t.length());
        return chars >= slot.minLength() && chars <= slot.maxLength() ? t : null;
    }

    private static String address(SlotDefinition slot, Utterance u, List<SlotDefinition> others) {
        if (mostlyOtherSlot(u, others)) return null;
        return addressValue(slot, u.original, u);
    }

    private static String addressValue(SlotDefinition slot, String text, Utterance u) {
        String t = LEADING_PLACE_WORDS.matcher(text.strip()).replaceFirst("");
        if (lengthOk(slot, t) == null) return null;
        boolean place = entity(u, EntityType.DISTRICT) != null || ADDRESS_WORDS.matcher(t).find();
        return place ? t.strip() : null;
    }

    /**
     * A message that is mostly a value for another, non-text slot (a bare phone number while 发生了什么 is
     * asked) is that slot's answer, not the description.
     */
    private static boolean mostlyOtherSlot(Utterance u, List<SlotDefinition> others) {
        int covered = 0;
        for (Entity e : u.analysis.entities()) {
            for (SlotDefinition o : others) {
                if (o.types().stream().anyMatch(t -> t.entity() == e.type())) {
                    covered += e.length();
                    break;
                }
            }
        }
        return covered > 0 && covered * 10 >= u.original.length() * 6;
    }
}
