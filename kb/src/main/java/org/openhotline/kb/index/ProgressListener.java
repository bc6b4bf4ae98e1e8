package org.openhotline.kb.index;

/** Told how far a long build has got, so a person running it sees a progress line instead of silence. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> {};

    void progress(String stage, int done, int total);
}
