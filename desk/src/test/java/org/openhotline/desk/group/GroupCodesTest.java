package org.openhotline.desk.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhotline.desk.account.AccountDraft;
import org.openhotline.desk.account.AccountException;
import org.openhotline.desk.account.Role;

/** One rule for group codes: the account editor refuses exactly what {@link GroupCodes} refuses. */
class GroupCodesTest {
    @Test
    void lettersDigitsDotsUnderscoresAndDashesUpTo64() {
        for (String ok : List.of("社保", "12345", "hf.withdrawal", "a_b-c", "x".repeat(64))) assertTrue(GroupCodes.valid(ok), ok);
        for (String bad : List.of("", "a b", "a/b", "x".repeat(65), "<script>")) assertFalse(GroupCodes.valid(bad), bad);
        assertFalse(GroupCodes.valid(null));
        AccountException e = assertThrows(AccountException.class, () -> new AccountDraft("amy", null, Set.of(Role.AGENT), List.of("a/b"), 3, false));
        assertEquals("bad_skill_group", e.code());
        assertEquals(GroupCodes.RULE, e.getMessage());
        assertEquals(List.of("社保"), new AccountDraft("amy", null, Set.of(Role.AGENT), List.of(" 社保 "), 3, false).skillGroups());
    }
}
