package org.openhotline.nlu.gazetteer;

/** The levels of a gazetteer; {@code DISTRICT} also holds counties and development zones, as citizens treat them alike. */
public enum PlaceType {
    CITY, DISTRICT, STREET;

    /** The lower-case name used in files and the admin API. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type a gazetteer file or an editor names (city, district, street; any case). */
    public static PlaceType parse(String s) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "city" -> CITY;
            case "district" -> DISTRICT;
            case "street" -> STREET;
            default -> throw new IllegalArgumentException("unknown place type " + s + "; known: city, district, street");
        };
    }
}
