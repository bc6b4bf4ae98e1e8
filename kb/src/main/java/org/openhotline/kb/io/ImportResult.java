package org.openhotline.kb.io;

import java.util.List;
import org.openhotline.kb.model.Entry;

/**
 * Everything read from one file. An import applies only when {@link #isClean()}: a file is taken whole
 * or not at all, so a knowledge base is never left half-replaced.
 */
public record ImportResult(List<Entry> entries, List<RowProblem> problems, List<Integer> rows) {
    public ImportResult {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        rows = List.copyOf(rows);
        if (!rows.isEmpty() && rows.size() != entries.size()) throw new IllegalArgumentException("one row number per entry");
    }

    /** Entries without their row numbers (made in code rather than read from a file). */
    public ImportResult(List<Entry> entries, List<RowProblem> problems) {
        this(entries, problems, List.of());
    }

    /** The file row (line or sheet row, from 1) entry {@code i} came from; {@code i + 1} when unknown. */
    public int rowOf(int i) {
        return rows.isEmpty() ? i + 1 : rows.get(i);
    }

    public boolean isClean() {
        return problems.isEmpty();
    }

    /** A report a person can act on: one line per refused row. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(entries.size()).append(" entries read, ").append(problems.size()).append(" rows refused");
        for (RowProblem p : problems) sb.append('\n').append("  ").append(p);
        return sb.toString();
    }
}
