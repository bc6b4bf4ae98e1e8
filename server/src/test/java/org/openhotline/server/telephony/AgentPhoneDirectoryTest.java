package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openhotline.server.config.ConfigException;

/** Which phone rings an agent (a registered softphone wins over the configured phone), and what a waiting caller hears. */
class AgentPhoneDirectoryTest {
    final Map<String, String> users = Map.of("7", "agent1", "8", "agent2", "9", "leader1");

    @Test
    void aRegisteredSoftphoneWinsOverTheConfiguredPhoneAndAnAgentWithoutEitherIsUnreachable() {
        var configured = AgentPhoneDirectory.parse(List.of("agent1=sip:1001@10.0.0.21:5060", " agent2 = sip:1002@10.0.0.22 "));
        var phones = new AgentPhoneDirectory(id -> Optional.ofNullable(users.get(id)), configured,
                u -> u.equals("agent2") ? Optional.of("sip:agent2@192.168.1.5:5062") : Optional.empty());
        assertEquals(Optional.of("sip:1001@10.0.0.21:5060"), phones.uriOf("7"));
        assertEquals(Optional.of("sip:agent2@192.168.1.5:5062"), phones.uriOf("8"), "registered now: the softphone");
        assertFalse(phones.reachable("9"), "leader1 has no phone");
        assertFalse(phones.reachable("unknown"));
        assertFalse(AgentPhoneDirectory.none().reachable("7"));
    }

    @Test
    void anAgentWhosePhoneIsInACallBackIsNotReachableForQueuedCallsUntilItEnds() {
        var phones = new AgentPhoneDirectory(id -> Optional.ofNullable(users.get(id)), AgentPhoneDirectory.parse(List.of("agent1=sip:1001@10.0.0.21")),
                u -> Optional.empty());
        var callingBack = new java.util.HashSet<String>(List.of("7"));
        phones.busy(callingBack::contains);
        assertFalse(phones.reachable("7"), "calling a citizen back");
        assertEquals(Optional.of("sip:1001@10.0.0.21"), phones.uriOf("7"), "the phone itself is still known (the call back rings it)");
        callingBack.clear();
        assertTrue(phones.reachable("7"));
    }

    @Test
    void aMalformedPhoneItemStopsTheStartNamingIt() {
        var e = assertThrows(ConfigException.class, () -> AgentPhoneDirectory.parse(List.of("agent1:sip:1001@x")));
        assertTrue(e.getMessage().contains("agent1:sip:1001@x"), e.getMessage());
        assertThrows(ConfigException.class, () -> AgentPhoneDirectory.parse(List.of("agent1=1001@x")));
    }

    @Test
    void thePositionAnnouncementCountsPeopleAheadAndWholeMinutes() {
        assertEquals("您前面还有2位，预计等待3分钟，请稍候", PhoneTexts.position(3, Duration.ofSeconds(150)));
        assertEquals("您前面还有0位，预计等待1分钟，请稍候", PhoneTexts.position(1, Duration.ZERO));
    }
}
