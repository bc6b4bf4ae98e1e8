package org.openhotline.nlu.entity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Bank card numbers: 16 to 19 digits that pass the Luhn check and start like a card (3 to 6, China UnionPay
 * cards with 62). Refunds and subsidies are paid to these cards, and they must be masked in every log.
 */
public final class BankCardRecognizer implements EntityRecognizer {
    @Override
    public List<Entity> find(ScanText text, LocalDateTime now) {
        List<Entity> out = new ArrayList<>();
        for (DigitSequences.Sequence seq : DigitSequences.find(text)) {
            if (seq.spoken()) continue; // nobody reads a card number out in Chinese digits to a chat bot
            for (DigitSequences.Candidate c : seq.ranges()) {
                if (isValid(c.digits())) out.add(new Entity(EntityType.BANK_CARD, c.digits(), c.start(), c.end(), 0.9));
            }
        }
        return out;
    }

    public static boolean isValid(String d) {
        if (d == null || d.length() < 16 || d.length() > 19) return false;
        if (d.charAt(0) < '3' || d.charAt(0) > '6') return false;
        boolean same = true;
        for (int i = 0; i < d.length(); i++) {
            if (d.charAt(i) < '0' || d.charAt(i) > '9') return false;
            same &= d.charAt(i) == d.charAt(0);
        }
        return !same && luhn(d);
    }

    static boolean luhn(String d) {
        int sum = 0;
        for (int i = 0; i < d.length(); i++) {
            int digit = d.charAt(d.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) digit -= 9;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
