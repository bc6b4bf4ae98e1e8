package org.openhotline.server.telephony;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.desk.account.Accounts;

/** SAMPLE ONLY: SIP passwords for the demo's agents, so a softphone can register at once; printed by {@code ./hotline demo}. */
public final class SamplePhonePasswords {
    /** A demo agent's softphone settings. */
    public record Sample(String username, String password) {}

    static final List<String> AGENTS = List.of("agent1", "agent2", "leader1");

    private SamplePhonePasswords() {}

    /** Sets {@code demo-sip-<user>} for each demo agent that exists and has no SIP password yet (a changed one stays). */
    public static List<Sample> seed(Accounts accounts, JdbcPhoneCredentials credentials) {
        List<Sample> out = new ArrayList<>();
        for (String user : AGENTS) {
            accounts.byUsername(user).ifPresent(a -> {
                String password = "demo-sip-" + user;
                if (!credentials.isSet(a.id())) credentials.set(a.id(), user, password);
                out.add(new Sample(user, password));
            });
        }
        return out;
    }
}
