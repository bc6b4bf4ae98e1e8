package org.openhotline.nlu.sensitive;

/**
 * The skeleton read as toneless pinyin, one char per syllable: Chinese characters by their reading,
 * latin runs split into pinyin when they can be ("falun" → fa lun), anything else a break. Lets one
 * automaton find homophones and pinyin spellings of lexicon words.
 */
final class SyllableStream {
    /** Offset that turns a syllable id into a stream char above {@link CharFolding#BREAK}. */
    static final int BASE = 2;

    final char[] chars;
    int length;
    /** Skeleton range each syllable was read from. */
    final int[] skFrom;
    final int[] skTo;
    /** Latin runs: whether this syllable is the first / last of its run; both false for Chinese characters. */
    final boolean[] latin;
    final boolean[] runFirst;
    final boolean[] runLast;

    private SyllableStream(int capacity) {
        chars = new char[capacity];
        skFrom = new int[capacity];
        skTo = new int[capacity];
        latin = new boolean[capacity];
        runFirst = new boolean[capacity];
        runLast = new boolean[capacity];
    }

    /** Builds the stream; {@code latinRun} is told of every whole latin run (for initials lookup). */
    static SyllableStream of(Skeleton sk, CharFolding folding, LatinRunListener latinRun) {
        SyllableStream s = new SyllableStream(sk.length);
        char[] c = sk.chars;
        for (int i = 0; i < sk.length; ) {
            char ch = c[i];
            if (ch >= 'a' && ch <= 'z') {
                int j = i + 1;
                while (j < sk.length && c[j] >= 'a' && c[j] <= 'z' && !sk.gapBefore[j]) j++;
                if (latinRun != null && sk.wordStartsAt(i) && sk.wordEndsAt(j)) latinRun.run(i, j);
                int[][] split = LatinPinyin.split(folding, new String(c, i, j - i), 0, j - i);
                if (split == null || !sk.wordStartsAt(i) || !sk.wordEndsAt(j)) {
                    s.breakHere();
                } else {
                    int[] ids = split[0], ends = split[1];
                    int start = i;
                    for (int k = 0; k < ids.length; k++) {
                        s.add((char) (ids[k] + BASE), start, i + ends[k], true, k == 0, k == ids.length - 1);
                        start = i + ends[k];
                    }
                }
                i = j;
                continue;
            }
            short id = ch > CharFolding.BREAK ? folding.syllable(ch) : CharFolding.NO_SYLLABLE;
            if (id == CharFolding.NO_SYLLABLE) s.breakHere();
            else s.add((char) (id + BASE), i, i + 1, false, false, false);
            i++;
        }
        return s;
    }

    private void breakHere() {
        if (length > 0 && chars[length - 1] != CharFolding.BREAK) {
            chars[length] = CharFolding.BREAK;
            length++;
        }
    }

    private void add(char syl, int from, int to, boolean isLatin, boolean first, boolean last) {
        chars[length] = syl;
        skFrom[length] = from;
        skTo[length] = to;
        latin[length] = isLatin;
        runFirst[length] = first;
        runLast[length] = last;
        length++;
    }

    /** Receives each latin run of the skeleton, [from, to), that stands as a word of its own. */
    @FunctionalInterface
    interface LatinRunListener {
        void run(int from, int to);
    }
}
