package org.openhotline.wechat.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import me.chanjar.weixin.common.util.crypto.SHA1;

/**
 * WeChat's request signatures: {@code signature} = SHA1 of the sorted token, timestamp and nonce (every request), and
 * {@code msg_signature} = SHA1 of those and the encrypted payload (AES mode). Compared in constant time.
 */
public final class Signatures {
    private final String token;

    public Signatures(String token) {
        this.token = token;
    }

    public boolean validRequest(String signature, String timestamp, String nonce) {
        if (signature.isEmpty() || timestamp.isEmpty() || nonce.isEmpty()) return false;
        return same(SHA1.gen(token, timestamp, nonce), signature);
    }

    public boolean validMessage(String msgSignature, String timestamp, String nonce, String encrypted) {
        if (msgSignature.isEmpty()) return false;
        return same(SHA1.gen(token, timestamp, nonce, encrypted), msgSignature);
    }

    public String sign(String timestamp, String nonce) {
        return SHA1.gen(token, timestamp, nonce);
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
