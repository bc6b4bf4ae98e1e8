package org.openhotline.desk.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    // small parameters keep the test fast; the format and the rules are the same at any size
    private final PasswordHasher weak = new PasswordHasher(64, 1, 1, 2);
    private final PasswordHasher strong = new PasswordHasher(128, 2, 1, 2);

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        String h = weak.hash("正确的密码 correct horse");
        assertTrue(h.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), h);
        assertTrue(weak.verify("正确的密码 correct horse", h));
        assertFalse(weak.verify("正确的密码 correct hors", h));
        assertFalse(weak.verify("", h));
        assertNotEquals(h, weak.hash("正确的密码 correct horse"), "a fresh salt each time");
    }

    @Test
    void raisedParametersStillVerifyOldHashesAndAskForARehash() {
        String old = weak.hash("secret-password");
        assertTrue(strong.verify("secret-password", old), "the parameters are read from the hash, not from the hasher");
        assertTrue(strong.needsRehash(old));
        String fresh = strong.hash("secret-password");
        assertFalse(strong.needsRehash(fresh));
        assertTrue(weak.verify("secret-password", fresh));
    }

    @Test
    void garbageNeverVerifiesNorThrows() {
        for (String bad : new String[] {null, "", "plain", "$argon2id$v=19$m=64,t=1,p=1$", "$argon2id$v=19$m=999999999,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
                "$argon2id$v=19$m=x,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA", "$argon2i$v=19$m=64,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"}) {
            assertFalse(weak.verify("x", bad), String.valueOf(bad));
            assertTrue(weak.needsRehash(bad));
        }
    }
}
