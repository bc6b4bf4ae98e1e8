package org.openhotline.nlu.entity;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.nlu.text.ChineseNumerals;

/**
 * The runs of digits in a message that could be an ID, phone or card number: groups of Arabic digits, or of
 * spoken Chinese digits (幺三八 幺九二六), joined when a single space or hyphen separates them as people do
 * when they read a number out (138 9203 5512, 029-87654321, (029)88451236). A run touching Latin letters is a
 * code (SF1402938847562, GD2026…) and is skipped. Linear in the text length.
 */
final class DigitSequences {
    /** A chain of more groups than this is a list of numbers, not one number read in parts. */
    static final int MAX_GROUPS = 6;
    /** Spoken Chinese digit runs shorter than this are words (一一, 三三两两), not numbers. */
    static final int MIN_SPOKEN_DIGITS = 7;

    /** One group of digits: [start, end) in the text, its digits, and whether it was spoken in Chinese. */
    record Group(int start, int end, String digits) {}

    /** A chain of groups; {@link #ranges()} gives every contiguous sub-chain to try as a number. */
    record Sequence(List<Group> groups, boolean spoken, int openParen) {
        /** Each contiguous run of groups, with its span and joined digits. */
        List<Candidate> ranges() {
            List<Candidate> out = new ArrayList<>();
            for (int from = 0; from < groups.size(); from++) {
                StringBuilder digits = new StringBuilder();
                for (int to = from; to < groups.size(); to++) {
                    digits.append(groups.get(to).digits());
                    if (digits.length() > 20) break;
                    int start = from == 0 && openParen >= 0 ? openParen : groups.get(from).start();
                    out.add(new Candidate(start, groups.get(to).end(), digits.toString(), spoken, to - from + 1));
                }
            }
            return out;
        }
    }

    /** A number to check: its span, its digits (an ID may end in X), whether it was spoken, how many groups. */
    record Candidate(int start, int end, String digits, boolean spoken, int groupCount) {}

    private DigitSequences() {}

    static List<Sequence> find(ScanText t) {
        List<Sequence> out = new ArrayList<>();
        String s = t.text();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean arabic = isArabic(c);
            boolean spoken = ChineseNumerals.isChineseDigit(c);
            if (!arabic && !spoken) {
                i++;
                continue;
            }
            int openParen = arabic && i > 0 && s.charAt(i - 1) == '(' ? i - 1 : -1;
            List<Group> groups = new ArrayList<>();
            int j = i;
            while (true) {
                int g = j;
                while (j < s.length() && (spoken ? ChineseNumerals.isChineseDigit(s.charAt(j)) : isArabic(s.charAt(j)))) j++;
                int digitsSoFar = groups.stream().mapToInt(x -> x.digits().length()).sum() + (j - g);
                // an ID's check character X ends the 18th (or 15th) position
                if (!spoken && j < s.length() && (s.charAt(j) == 'X' || s.charAt(j) == 'x') && (digitsSoFar == 17)) j++;
                groups.add(new Group(g, j, digitsOf(s, g, j, spoken)));
                // ")" right after an area code, or one space / hyphen, continues the number
                int next = j;
                if (!spoken && openParen >= 0 && groups.size() == 1 && next < s.length() && s.charAt(next) == ')') next++;
                else if (next < s.length() && (s.charAt(next) == ' ' || s.charAt(next) == '-')) next++;
                if (next != j && next < s.length() && sameKind(s.charAt(next), spoken)) {
                    j = next;
                    continue;
                }
                break;
            }
            int end = groups.get(groups.size() - 1).end();
            boolean code = !spoken && (isLatin(s, i - 1) || isLatin(s, end));
            int total = groups.stream().mapToInt(x -> x.digits().length()).sum();
            if (!code && (!spoken || total >= MIN_SPOKEN_DIGITS)) {
                if (groups.size() <= MAX_GROUPS) {
                    out.add(new Sequence(List.copyOf(groups), spoken, openParen));
                } else {
                    for (Group g : groups) out.add(new Sequence(List.of(g), spoken, -1));
                }
            }
            i = end;
        }
        return out;
    }

    private static String digitsOf(String s, int from, int to, boolean spoken) {
        StringBuilder b = new StringBuilder(Math.min(to - from, 64));
        for (int k = from; k < to && b.length() <= 64; k++) {
            char c = s.charAt(k);
            if (c == 'x' || c == 'X') b.append('X');
            else b.append((char) ('0' + ChineseNumerals.digitOf(c)));
        }
        if (to - from > 64) b.append("…"); // too long for any number we read; keep the string small
        return b.toString();
    }

    private static boolean sameKind(char c, boolean spoken) {
        return spoken ? ChineseNumerals.isChineseDigit(c) : isArabic(c);
    }

    static boolean isArabic(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLatin(String s, int i) {
        if (i < 0 || i >= s.length()) return false;
        char c = s.charAt(i);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
