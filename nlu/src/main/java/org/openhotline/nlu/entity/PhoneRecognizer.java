package org.openhotline.nlu.entity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Phone numbers, as digits only: mobiles (1[3-9] and nine digits), landlines with their area code
 * (029-87654321, (029)88451236, 029 8523 6677) and numbers read out in Chinese digits (幺三八 幺九二六 七七零四).
 * Service numbers (10086, 12345) and 100xxxxxxxx are not a citizen's phone.
 */
public final class PhoneRecognizer implements EntityRecognizer {
    @Override
    public List<Entity> find(ScanText text, LocalDateTime now) {
        List<Entity> out = new ArrayList<>();
        for (DigitSequences.Sequence seq : DigitSequences.find(text)) {
            for (DigitSequences.Candidate c : seq.ranges()) {
                String d = c.digits();
                if (isMobile(d)) {
                    out.add(new Entity(EntityType.PHONE, d, c.start(), c.end(), c.spoken() ? 0.85 : 0.95));
                } else if (isMobile86(d) && c.start() > 0 && text.charAt(c.start() - 1) == '+') {
                    out.add(new Entity(EntityType.PHONE, d.substring(2), c.start() - 1, c.end(), 0.9));
                } else if (isLandline(d) && (c.groupCount() > 1 || c.spoken())) {
                    // an area code written apart (029-…, (029)…, 029 …) tells a landline from any 11-digit number
                    out.add(new Entity(EntityType.PHONE, d, c.start(), c.end(), c.spoken() ? 0.8 : 0.9));
                }
            }
        }
        return out;
    }

    public static boolean isMobile(String d) {
        return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9' && allDigits(d);
    }

    private static boolean isMobile86(String d) {
        return d.length() == 13 && d.startsWith("86") && isMobile(d.substring(2));
    }

    /** 0 + a two- or three-digit area code + a 7- or 8-digit local number (10 to 12 digits in all). */
    public static boolean isLandline(String d) {
        if (d.length() < 10 || d.length() > 12 || d.charAt(0) != '0' || d.charAt(1) == '0' || !allDigits(d)) return false;
        // two-digit area codes are 010 and 02x; others have three digits; local numbers do not start with 0 or 1
        boolean shortCode = d.charAt(1) == '1' || d.charAt(1) == '2';
        int local = shortCode ? 3 : 4;
        int localLen = d.length() - local;
        return localLen >= 7 && localLen <= 8 && d.charAt(local) >= '2';
    }

    private static boolean allDigits(String d) {
        for (int i = 0; i < d.length(); i++) if (d.charAt(i) < '0' || d.charAt(i) > '9') return false;
        return true;
    }
}
