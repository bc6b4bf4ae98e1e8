package org.openhotline.bot.flow.definition;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.openhotline.nlu.entity.EntityType;

/**
 * What a slot accepts. Entity types take the NLU's entity of that type (an ID number with a valid check
 * character, a phone, a date resolved to yyyy-MM-dd…); {@code code} takes a standalone run of digits of
 * the slot's length; {@code regex} the slot's pattern; {@code text} any message of a sensible length;
 * {@code address} a text that names a place (a district or an address word such as 路, 小区, 号).
 */
public enum SlotType {
    ID_CARD(EntityType.ID_CARD), PHONE(EntityType.PHONE), BANK_CARD(EntityType.BANK_CARD), DATE(EntityType.DATE),
    MONEY(EntityType.MONEY), DURATION(EntityType.DURATION), DISTRICT(EntityType.DISTRICT),
    INSURANCE_TYPE(EntityType.INSURANCE_TYPE), PERSON(EntityType.PERSON), ORG(EntityType.ORG),
    CODE(null), REGEX(null), TEXT(null), ADDRESS(null);

    private final EntityType entity;

    SlotType(EntityType entity) {
        this.entity = entity;
    }

    /** The NLU entity type this slot reads, or null for code, regex, text and address. */
    public EntityType entity() {
        return entity;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Free text takes (almost) any message, so it is never filled from a message meant for another slot. */
    public boolean freeText() {
        return this == TEXT || this == ADDRESS;
    }

    public static SlotType fromWireName(String name) {
        for (SlotType t : values()) if (t.wireName().equals(name)) return t;
        return null;
    }

    public static String known() {
        return Arrays.stream(values()).map(SlotType::wireName).collect(Collectors.joining(", "));
    }
}
