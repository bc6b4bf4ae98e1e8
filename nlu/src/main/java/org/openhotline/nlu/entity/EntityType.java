package org.openhotline.nlu.entity;

/** The kinds of facts a hotline message can carry; the wire name is what other modules and the eval data use. */
public enum EntityType {
    ID_CARD("id_card"),
    PHONE("phone"),
    BANK_CARD("bank_card"),
    DATE("date"),
    MONEY("money"),
    DURATION("duration"),
    DISTRICT("district"),
    INSURANCE_TYPE("insurance_type"),
    PERSON("person"),
    ORG("org");

    private final String wireName;

    EntityType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type with this wire name; an unknown name is a caller's mistake. */
    public static EntityType fromWireName(String name) {
        for (EntityType t : values()) if (t.wireName.equals(name)) return t;
        throw new IllegalArgumentException("unknown entity type " + name);
    }

    /** True for the personal data that logs and reports must mask. */
    public boolean isPersonalData() {
        return this == ID_CARD || this == PHONE || this == BANK_CARD || this == PERSON;
    }
}
