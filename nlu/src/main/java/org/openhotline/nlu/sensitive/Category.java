package org.openhotline.nlu.sensitive;

import java.util.Locale;

/** What a sensitive word is about; the policy picks an action per category, and the wire name is what config and APIs use. */
public enum Category {
    POLITICS("politics"),
    PORN("porn"),
    /** Violence and weapons: guns, explosives, controlled knives. */
    VIOLENCE("violence"),
    /** Gambling, fraud and spam advertising. */
    FRAUD_AD("fraud_ad"),
    /** Insults and profanity aimed at the agent or the bot. */
    ABUSE("abuse"),
    /** Leaking or trading another person's personal data (人肉, 开房记录, someone's ID number). */
    PERSONAL_DATA("personal_data");

    private final String wireName;

    Category(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The lexicon file that ships this category's words. */
    public String fileName() {
        return wireName + ".txt";
    }

    public static Category fromWire(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Category c : values()) if (c.wireName.equals(n)) return c;
        throw new IllegalArgumentException("unknown sensitive-word category: " + name);
    }
}
