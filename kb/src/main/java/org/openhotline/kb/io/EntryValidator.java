package org.openhotline.kb.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.openhotline.kb.model.Entry;

/**
 * The rules every imported row must meet, shared by the JSON Lines and Excel readers so that both
 * formats refuse the same things with the same words.
 */
final class EntryValidator {
    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 20_000;
    static final int MAX_SIMILAR = 200;
    static final int MAX_ID = 64;

    private final Map<String, Integer> seenIds = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final List<Integer> rows = new ArrayList<>();

    /** A row as read from a file, before checks. */
    record Row(int row, String id, String category, String question, List<String> similar, String answer,
               String voiceAnswer, List<String> keywords, String validFrom, String validTo, String status) {}

    void accept(Row r) {
        List<String> errors = new ArrayList<>();
        String question = clean(r.question());
        String answer = r.answer() == null ? "" : r.answer().strip();
        if (question.isEmpty()) errors.add("standard question is empty");
        else if (question.length() > MAX_QUESTION) errors.add("standard question is longer than " + MAX_QUESTION + " characters");
        if (answer.isEmpty()) errors.add("answer is empty");
        else if (answer.length() > MAX_ANSWER) errors.add("answer is longer than " + MAX_ANSWER + " characters");
        LinkedHashSet<String> similar = new LinkedHashSet<>();
        for (String s : r.similar() == null ? List.<String>of() : r.similar()) {
            String c = clean(s);
            if (c.length() > MAX_QUESTION) errors.add("a similar question is longer than " + MAX_QUESTION + " characters");
            else if (!c.isEmpty() && !c.equals(question)) similar.add(c);
        }
        if (similar.size() > MAX_SIMILAR) errors.add("more than " + MAX_SIMILAR + " similar questions");
        String id = r.id() == null ? "" : r.id().strip();
        if (id.length() > MAX_ID) errors.add("id is longer than " + MAX_ID + " characters");
        if (id.isEmpty() && !question.isEmpty()) id = derivedId(question);
        java.time.LocalDate from = date(r.validFrom(), "valid_from", errors);
        java.time.LocalDate to = date(r.validTo(), "valid_to", errors);
        if (from != null && to != null && to.isBefore(from)) errors.add("valid_to is before valid_from");
        org.openhotline.kb.model.EntryStatus status = null;
        try {
            status = org.openhotline.kb.model.EntryStatus.parse(r.status());
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        if (!id.isEmpty() && seenIds.containsKey(id)) errors.add("id '" + id + "' is already used on row " + seenIds.get(id));
        if (!errors.isEmpty()) {
            problems.add(new RowProblem(r.row(), String.join("; ", errors)));
            return;
        }
        seenIds.put(id, r.row());
        List<String> keywords = r.keywords() == null ? List.of()
                : r.keywords().stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
        String voice = r.voiceAnswer() == null || r.voiceAnswer().isBlank() ? null : r.voiceAnswer().strip();
        rows.add(r.row());
        entries.add(new Entry(id, r.category() == null ? "" : r.category().strip(), question, List.copyOf(similar),
                answer, voice, keywords, from, to, status));
    }

    void problem(int row, String message) {
        problems.add(new RowProblem(row, message));
    }

    ImportResult result() {
        return new ImportResult(entries, problems, rows);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    private static java.time.LocalDate date(String s, String field, List<String> errors) {
        if (s == null || s.isBlank()) return null;
        try {
            return java.time.LocalDate.parse(s.strip().replace('/', '-'));
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(field + " '" + s + "' is not a date (yyyy-MM-dd)");
            return null;
        }
    }

    /** A stable id for rows that bring none, so re-importing the same sheet keeps the same ids. */
    static String derivedId(String question) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-1").digest(question.getBytes(StandardCharsets.UTF_8));
            return "kb-" + HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
