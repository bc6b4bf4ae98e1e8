package org.openhotline.wechat.setup;

/** One result of {@code ./hotline wechat check}: which setting, how bad, and what to do. */
public record Finding(Level level, String key, String message) {
    public enum Level { OK, WARN, FAIL }

    static Finding ok(String key, String message) {
        return new Finding(Level.OK, key, message);
    }

    static Finding warn(String key, String message) {
        return new Finding(Level.WARN, key, message);
    }

    static Finding fail(String key, String message) {
        return new Finding(Level.FAIL, key, message);
    }

    /** "✓ wechat.app-id: …" */
    public String line() {
        return switch (level) { case OK -> "✓ "; case WARN -> "! "; case FAIL -> "✗ "; } + key + ": " + message;
    }
}
