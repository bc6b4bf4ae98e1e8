package org.openhotline.wechat.callback;

import java.util.Base64;

/**
 * The account's EncodingAESKey (43 base64 characters, the AES key without its "=") checked one way for both the
 * start-up and {@code ./hotline wechat check}: they used two decoders, and commons-codec's skips characters that are
 * not base64, so a key with a stray character passed one check and failed the other.
 */
public final class EncodingAesKey {
    public static final int LENGTH = 43;

    private EncodingAesKey() {}

    /** Null when {@code key} (stripped) is a well-formed EncodingAESKey, else what is wrong, e.g. "is 42 characters; …". */
    public static String problem(String key) {
        String k = key == null ? "" : key.strip();
        if (k.length() != LENGTH) return "is " + k.length() + " characters; an EncodingAESKey is exactly " + LENGTH;
        try {
            if (Base64.getDecoder().decode(k + "=").length == 32) return null;
        } catch (IllegalArgumentException e) {
            // a character outside base64's alphabet
        }
        return "is not an EncodingAESKey: " + LENGTH + " letters and digits (base64)";
    }
}
