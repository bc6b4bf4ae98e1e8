package org.openhotline.nlu.sensitive;

import java.util.Arrays;

/**
 * Splits a run of latin letters into toneless pinyin syllables ("falungong" → fa lun gong), preferring
 * the fewest syllables, or says it is not pinyin. Runs longer than {@link #MAX_RUN} are not tried.
 */
final class LatinPinyin {
    static final int MAX_RUN = 48;
    private static final int MAX_SYLLABLE = 6;

    private LatinPinyin() {}

    /** Syllable ids and their end offsets in {@code run}, or null when the run does not split. */
    static int[][] split(CharFolding folding, CharSequence run, int from, int to) {
        int n = to - from;
        if (n == 0 || n > MAX_RUN) return null;
        int[] best = new int[n + 1];
        int[] prev = new int[n + 1];
        short[] id = new short[n + 1];
        Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        StringBuilder sb = new StringBuilder(MAX_SYLLABLE);
        for (int i = 0; i < n; i++) {
            if (best[i] == Integer.MAX_VALUE) continue;
            sb.setLength(0);
            for (int j = i; j < n && j - i < MAX_SYLLABLE; j++) {
                sb.append(run.charAt(from + j));
                short s = folding.syllableId(sb.toString());
                if (s != CharFolding.NO_SYLLABLE && best[i] + 1 < best[j + 1]) {
                    best[j + 1] = best[i] + 1;
                    prev[j + 1] = i;
                    id[j + 1] = s;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) return null;
        int count = best[n];
        int[] ids = new int[count];
        int[] ends = new int[count];
        for (int k = count - 1, at = n; k >= 0; k--) {
            ids[k] = id[at];
            ends[k] = at;
            at = prev[at];
        }
        return new int[][] {ids, ends};
    }
}
