package org.openhotline.server.cli;

import java.io.PrintStream;
import org.openhotline.kb.index.ProgressListener;

/** A progress line on the terminal for long index builds, at most one update per second and per stage end. */
public final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private long last;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void progress(String stage, int done, int total) {
        long now = System.currentTimeMillis();
        if (done < total && now - last < 1000) return;
        last = now;
        out.printf("  %s: %d/%d%n", stage, done, total);
    }
}
