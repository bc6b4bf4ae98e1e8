package org.openhotline.wechat.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhotline.wechat.RigAccess;

/** `./hotline wechat check` against the simulator's API and a real callback: each mistake named. */
class AccountCheckTest {
    static RigAccess rig;

    @BeforeAll
    static void start() throws Exception {
        rig = RigAccess.plain();
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    static AccountCheck check(String appId, String secret, String token, String aesKey, String serverUrl) {
        return new AccountCheck(appId, secret, token, aesKey, rig.wechat().apiBaseUrl(), serverUrl, Duration.ofSeconds(3));
    }

    static Finding finding(List<Finding> fs, String key) {
        return fs.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aCorrectSetupPassesWithAWarningForALocalUrl() {
        List<Finding> fs = check(RigAccess.APP_ID, RigAccess.SECRET, RigAccess.TOKEN, RigAccess.AES_KEY, rig.callbackUrl()).run();
        assertTrue(AccountCheck.passed(fs), fs.toString());
        assertEquals(Finding.Level.OK, finding(fs, "credentials").level());
        Finding url = finding(fs, "wechat.server-url");
        assertEquals(Finding.Level.WARN, url.level(), url.line());
        assertTrue(url.message().contains("WeChat cannot reach it"));
        assertEquals(0, rig.wechat().tokensIssued(), "the check never retires the server's token");
    }

    @Test
    void eachMistakeIsNamed() {
        List<Finding> fs = check("wx123", RigAccess.SECRET, "to ken", "short", "http://hotline.example.gov.cn:8080/wechat/callback").run();
        assertFalse(AccountCheck.passed(fs));
        assertTrue(finding(fs, "wechat.app-id").message().contains("16 hexadecimal"));
        assertTrue(finding(fs, "wechat.token").message().contains("3 to 32 letters or digits"));
        assertTrue(finding(fs, "wechat.aes-key").message().contains("43"));
        assertEquals(Finding.Level.WARN, finding(fs, "credentials").level());
        assertTrue(finding(fs, "wechat.server-url").message().contains("80 and 443"));

        List<Finding> wrongSecret = check(RigAccess.APP_ID, "ffffffffffffffffffffffffffffffff", RigAccess.TOKEN, "", rig.callbackUrl()).run();
        assertTrue(finding(wrongSecret, "credentials").message().contains("refused the secret"), finding(wrongSecret, "credentials").line());
        assertEquals(Finding.Level.WARN, finding(wrongSecret, "wechat.aes-key").level(), "plain mode is allowed, with a word");

        List<Finding> wrongToken = check(RigAccess.APP_ID, RigAccess.SECRET, "othertoken", RigAccess.AES_KEY, rig.callbackUrl()).run();
        assertTrue(finding(wrongToken, "wechat.server-url").message().contains("another wechat.token"));

        List<Finding> wrongPath = check(RigAccess.APP_ID, RigAccess.SECRET, RigAccess.TOKEN, RigAccess.AES_KEY,
                rig.callbackUrl().replace("/wechat/callback", "/wechat/cb")).run();
        assertTrue(finding(wrongPath, "wechat.server-url").message().contains("/wechat/callback"));

        List<Finding> empty = check("", " " + RigAccess.SECRET, RigAccess.TOKEN, "", "").run();
        assertTrue(finding(empty, "wechat.app-id").message().startsWith("empty"));
        assertTrue(finding(empty, "wechat.secret").message().contains("spaces"));
        assertTrue(finding(empty, "wechat.server-url").message().startsWith("empty"));
    }

    @Test
    void anUnreachableApiIsSaidPlainly() {
        List<Finding> fs = new AccountCheck(RigAccess.APP_ID, RigAccess.SECRET, RigAccess.TOKEN, "", "http://127.0.0.1:9", rig.callbackUrl(),
                Duration.ofSeconds(2)).run();
        assertTrue(finding(fs, "credentials").message().startsWith("cannot reach"), finding(fs, "credentials").line());
    }
}
