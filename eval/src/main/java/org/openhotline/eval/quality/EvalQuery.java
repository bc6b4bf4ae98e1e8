package org.openhotline.eval.quality;

import java.util.List;
import java.util.Set;

/** One labelled question: what a citizen asked and which entries may rightly answer it. */
public record EvalQuery(String qid, String query, Kind kind, Set<String> expectedIds) {
    public enum Kind {
        FAQ, OUT_OF_SCOPE, TRANSFER;

        static Kind parse(String s) {
            return switch (s) {
                case "faq" -> FAQ;
                case "out_of_scope" -> OUT_OF_SCOPE;
                case "transfer" -> TRANSFER;
                default -> throw new IllegalArgumentException("kind must be faq, out_of_scope or transfer, not '" + s + "'");
            };
        }
    }

    public static List<String> kinds() {
        return List.of("faq", "out_of_scope", "transfer");
    }
}
