package org.openhotline.nlu.entity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Resident identity card numbers: 18 characters with the GB 11643 check character, or the 15-digit cards
 * issued before 1999. Region and birth date must be plausible too, so an order or ticket number of the same
 * length is not taken for an ID.
 */
public final class IdCardRecognizer implements EntityRecognizer {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    @Override
    public List<Entity> find(ScanText text, LocalDateTime now) {
        List<Entity> out = new ArrayList<>();
        for (DigitSequences.Sequence seq : DigitSequences.find(text)) {
            for (DigitSequences.Candidate c : seq.ranges()) {
                if (isValid18(c.digits(), now.toLocalDate())) {
                    out.add(new Entity(EntityType.ID_CARD, c.digits(), c.start(), c.end(), c.spoken() ? 0.9 : 0.99));
                } else if (isValid15(c.digits())) {
                    out.add(new Entity(EntityType.ID_CARD, c.digits(), c.start(), c.end(), 0.8));
                }
            }
        }
        return out;
    }

    /** 18 characters, a real region and birth date, and the GB 11643 check character. */
    public static boolean isValid18(String id, LocalDate today) {
        if (id == null || id.length() != 18) return false;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') return false;
            sum += (c - '0') * WEIGHTS[i];
        }
        if (Character.toUpperCase(id.charAt(17)) != CHECK.charAt(sum % 11)) return false;
        if (!plausibleRegion(id)) return false;
        LocalDate birth = date(id.substring(6, 10), id.substring(10, 12), id.substring(12, 14));
        return birth != null && birth.getYear() >= 1880 && !birth.isAfter(today);
    }

    /** 15 digits: a region, a birth date in the 1900s (yyMMdd) and a sequence number; there is no check digit. */
    public static boolean isValid15(String id) {
        if (id == null || id.length() != 15 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) return false;
        if (!plausibleRegion(id)) return false;
        return date("19" + id.substring(6, 8), id.substring(8, 10), id.substring(10, 12)) != null;
    }

    private static boolean plausibleRegion(String id) {
        int province = Integer.parseInt(id.substring(0, 2));
        return province >= 11 && province <= 82;
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
