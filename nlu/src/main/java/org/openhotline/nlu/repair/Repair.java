package org.openhotline.nlu.repair;

import java.util.List;

/** A message after speech-error repair, beside what it was: both are kept, the raw one for the record. */
public record Repair(String raw, String text, List<Change> changes) {
    /** One replaced span: {@code from} at {@code start} in the raw text became {@code to}. */
    public record Change(int start, String from, String to) {}

    public boolean changed() {
        return !changes.isEmpty();
    }
}
