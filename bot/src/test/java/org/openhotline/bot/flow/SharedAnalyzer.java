package org.openhotline.bot.flow;

import org.openhotline.nlu.Analyzer;

/** One bundled analyser for all flow tests: building it trains the intent models, which takes a while. */
final class SharedAnalyzer {
    private static volatile Analyzer analyzer;

    static Analyzer get() {
        if (analyzer == null) {
            synchronized (SharedAnalyzer.class) {
                if (analyzer == null) analyzer = Analyzer.bundled();
            }
        }
        return analyzer;
    }
}
