package org.openhotline.kb.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One approved answer ("口径") and the ways citizens ask for it. The id is kept from an import so that
 * labelled question sets and reports can refer to entries across versions.
 *
 * @param voiceAnswer a speakable variant for the IVR and plain-text channels; null means use the answer
 * @param validFrom   first day the answer may be given; null means always
 * @param validTo     last day the answer may be given; null means no end
 */
public record Entry(
        String id,
        String category,
        String question,
        List<String> similar,
        String answer,
        String voiceAnswer,
        List<String> keywords,
        LocalDate validFrom,
        LocalDate validTo,
        EntryStatus status) {

    public Entry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        category = category == null ? "" : category;
        similar = List.copyOf(similar == null ? List.of() : similar);
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        status = status == null ? EntryStatus.PUBLISHED : status;
    }

    public static Entry of(String id, String category, String question, List<String> similar, String answer) {
        return new Entry(id, category, question, similar, answer, null, List.of(), null, null, EntryStatus.PUBLISHED);
    }

    /** The standard question first, then the similar ones: each becomes one searchable document. */
    public List<String> allQuestions() {
        List<String> all = new ArrayList<>(1 + similar.size());
        all.add(question);
        all.addAll(similar);
        return all;
    }

    /** Whether the entry may answer citizens on the given day. */
    public boolean isAnswerable(LocalDate day) {
        if (status != EntryStatus.PUBLISHED) return false;
        if (validFrom != null && day.isBefore(validFrom)) return false;
        return validTo == null || !day.isAfter(validTo);
    }

    public String spokenAnswer() {
        return voiceAnswer == null || voiceAnswer.isBlank() ? answer : voiceAnswer;
    }

    /** Whether the entry is in category {@code path} or one of its sub-categories (社保/养老保险 is in 社保, 社保卡 is not). */
    public boolean inCategory(String path) {
        return path != null && !path.isEmpty() && (category.equals(path) || category.startsWith(path + "/"));
    }

    /** The top-level category (社保 of 社保/养老保险). */
    public String topCategory() {
        int slash = category.indexOf('/');
        return slash < 0 ? category : category.substring(0, slash);
    }
}
