package org.openhotline.wechat.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openhotline.wechat.WechatSettings;
import org.openhotline.wechat.setup.AccountCheck;
import org.openhotline.wechat.setup.Finding;

/** Start-up and `wechat check` judge a key alike: one check, strict base64. */
class EncodingAesKeyTest {
    static final String GOOD = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void aWellFormedKeyPassesAndAStrayCharacterFailsEverywhere() {
        assertNull(EncodingAesKey.problem(GOOD));
        assertNull(EncodingAesKey.problem(" " + GOOD + "\n"));
        String stray = GOOD.substring(0, 42) + "!"; // commons-codec skipped the "!" and let start-up accept this key
        assertTrue(EncodingAesKey.problem(stray).contains("not an EncodingAESKey"));
        assertEquals("is 42 characters; an EncodingAESKey is exactly 43", EncodingAesKey.problem(GOOD.substring(1)));

        IllegalArgumentException atStart = assertThrows(IllegalArgumentException.class, () -> WechatSettings.builder("t").aesKey(stray).build());
        assertTrue(atStart.getMessage().startsWith("wechat.aes-key is not an EncodingAESKey"), atStart.getMessage());
        WechatSettings.builder("t").aesKey(GOOD).build();

        Finding checked = new AccountCheck("wx1", "s", "t", stray, "http://127.0.0.1:9", "", Duration.ofSeconds(1)).run().stream()
                .filter(f -> f.key().equals("wechat.aes-key")).findFirst().orElseThrow();
        assertEquals(Finding.Level.FAIL, checked.level());
        assertTrue(checked.message().contains("not an EncodingAESKey"), checked.message());
    }
}
