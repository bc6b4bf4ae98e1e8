package org.openhotline.nlu.entity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openhotline.nlu.text.ChineseNumerals;

/**
 * Hides the personal data of a message before it reaches a log or a report (the bureau's rule): ID numbers
 * keep their first 3 and last 4 characters (610***********123X), phones their first 3 and last 4 digits
 * (138****5678), bank cards their last 4 (****1234), names their surname (张*, 欧阳**). Separators a citizen
 * typed stay, so a masked line still reads like the original.
 */
public final class PersonalDataMasker {
    private final EntityExtractor extractor;

    public PersonalDataMasker(EntityExtractor extractor) {
        this.extractor = extractor;
    }

    /** Masks a log line of any length: long lines are scanned in overlapping windows, not cut. */
    public String mask(String text, LocalDateTime now) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        int window = extractor.maxChars();
        int overlap = Math.min(64, window / 2);
        List<Entity> all = new ArrayList<>();
        for (int from = 0; from < text.length(); from += window - overlap) {
            int to = Math.min(text.length(), from + window);
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) to--;
            for (Entity e : extractor.extract(text.substring(from, to), now).entities()) {
                all.add(new Entity(e.type(), e.value(), e.start() + from, e.end() + from, e.confidence()));
            }
            if (to >= text.length()) break;
        }
        return mask(text, EntityExtractor.resolve(all));
    }

    /** Masks the personal-data entities of {@code text}; other entities and anything out of range are ignored. */
    public String mask(String text, List<Entity> entities) {
        if (text == null) return "";
        List<Entity> personal = new ArrayList<>();
        for (Entity e : entities) if (e.type().isPersonalData() && e.end() <= text.length()) personal.add(e);
        personal.sort(Comparator.comparingInt(Entity::start));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Entity e : personal) {
            if (e.start() < copied) continue; // overlapping spans: the first one has hidden it already
            out.append(text, copied, e.start()).append(maskOne(e, text.substring(e.start(), e.end())));
            copied = e.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    static String maskOne(Entity e, String surface) {
        return switch (e.type()) {
            case ID_CARD, PHONE -> keepDigits(surface, 3, 4);
            case BANK_CARD -> "****" + lastDigits(surface, 4);
            case PERSON -> maskName(surface);
            default -> surface;
        };
    }

    /** Keeps the first {@code head} and last {@code tail} digit characters (Arabic, Chinese, or the X of an ID). */
    static String keepDigits(String s, int head, int tail) {
        int total = 0;
        for (int i = 0; i < s.length(); i++) if (isDigitChar(s.charAt(i))) total++;
        StringBuilder b = new StringBuilder(s.length());
        int seen = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isDigitChar(c)) {
                b.append(c);
                continue;
            }
            b.append(seen < head || seen >= total - tail ? c : '*');
            seen++;
        }
        return b.toString();
    }

    private static String lastDigits(String s, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = s.length() - 1; i >= 0 && b.length() < n; i--) if (isDigitChar(s.charAt(i))) b.append(s.charAt(i));
        return b.reverse().toString();
    }

    private static boolean isDigitChar(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９') || c == 'X' || c == 'x' || ChineseNumerals.isChineseDigit(c);
    }

    /** 张伟 → 张*, 欧阳娜娜 → 欧阳**; a surname with a title (王科长) names no one and stays. */
    static String maskName(String name) {
        for (String title : new String[] {"科长", "主任", "师傅", "经理", "处长", "局长", "所长", "站长", "主管", "队长", "书记", "老师",
                "医生", "律师", "警官", "大夫", "部长", "院长", "专员"}) {
            if (name.endsWith(title) && name.length() - title.length() <= 2) return name;
        }
        int sur = Math.max(1, Surnames.surnameLength(name, 0));
        if (name.length() <= sur) return name;
        return name.substring(0, sur) + "*".repeat(name.length() - sur);
    }
}
