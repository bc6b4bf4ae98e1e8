package org.openhotline.server.desk;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Role;

/** Which recordings count as an agent's own: agent ids on the desk are account ids, and usernames may be all digits. */
class RecordingOwnerTest {
    private static Account agent(long id, String username) {
        return new Account(id, username, null, Set.of(Role.AGENT), List.of("社保"), 3, false, false, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aNumericUsernameIsNotAnotherAgentsAccountId() {
        List<String> own = RecordingController.own(agent(7, "12"));
        assertTrue(own.contains("7"));
        assertFalse(own.contains("12"), "user '12' must not hear the calls of account 12: " + own);
    }

    @Test
    void aPhoneConfiguredByNameStillCountsAsTheAgents() {
        assertEquals(List.of("12", "agent1"), RecordingController.own(agent(12, "agent1")));
    }
}
