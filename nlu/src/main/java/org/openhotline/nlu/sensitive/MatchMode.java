package org.openhotline.nlu.sensitive;

/** How a hit was found, so a reviewer can tell a literal word from an evasion the matcher saw through. */
public enum MatchMode {
    /** The lexicon word itself, after folding width, case, traditional forms and inserted symbols. */
    EXACT,
    /** Written in full pinyin ("falungong"). */
    PINYIN,
    /** Written as pinyin initials ("flg"). */
    INITIALS,
    /** Other characters with the same toneless pinyin (发轮功), possibly mixed with pinyin. */
    HOMOPHONE,
    /** Found by a {@link PersonalDataDetector} rather than the lexicon. */
    DETECTOR
}
