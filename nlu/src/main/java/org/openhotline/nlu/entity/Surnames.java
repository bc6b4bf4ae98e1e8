package org.openhotline.nlu.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Common Chinese surnames (欧阳 and the other compound ones included): a name a citizen gives must start with
 * one, and the masker keeps it while hiding the given name (张*, 欧阳**).
 */
public final class Surnames {
    /** Surnames that are also everyday words (和, 来, 明…): taken only where the text says a name follows. */
    private static final String EVERYDAY = "和来明时全成文安常强向于万路车查单司师池应商连项简古农阳解华管游景党宫费冷席宗边沙荣郎权关包甘兰宁尚符凌毕季谷曲艾尤穆卓吉麦全佟丛仲巩佘苑迟封龙史方白江石金田高";

    private static final Set<String> COMPOUND = new HashSet<>();
    private static final Set<Character> SINGLE = new HashSet<>();

    static {
        for (String l : org.openhotline.nlu.lexicon.LexiconFiles.bundled("/org/openhotline/nlu/entity/surnames.txt")) {
            if (l.length() == 1) SINGLE.add(l.charAt(0));
            else COMPOUND.add(l);
        }
    }

    private Surnames() {}

    /** The length of the surname {@code s} starts with at {@code at} (2 for 欧阳, 1 for 张), or 0. */
    public static int surnameLength(String s, int at) {
        if (at < 0 || at >= s.length()) return 0;
        if (at + 2 <= s.length() && COMPOUND.contains(s.substring(at, at + 2))) return 2;
        return SINGLE.contains(s.charAt(at)) ? 1 : 0;
    }

    /** True when the surname at {@code at} is rarely anything but a surname (王, 李, 张), so no cue is needed. */
    public static boolean isDistinctive(String s, int at) {
        int len = surnameLength(s, at);
        return len == 2 || (len == 1 && EVERYDAY.indexOf(s.charAt(at)) < 0);
    }
}
