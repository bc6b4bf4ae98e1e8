package org.openhotline.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.desk.account.Role;

class AdminApiGateTest {
    @Test
    void eachPartOfTheAdminApiNamesItsRolesAndAnythingElseIsAdminOnly() {
        assertEquals(List.of(Role.EDITOR, Role.REVIEWER), AdminApiGate.rolesFor("/api/admin/kb/changes/3/approve"));
        assertEquals(List.of(Role.EDITOR, Role.REVIEWER), AdminApiGate.rolesFor("/api/admin/inbox/ab12/dismiss"));
        assertEquals(List.of(Role.EDITOR, Role.REVIEWER, Role.SUPERVISOR), AdminApiGate.rolesFor("/api/admin/reports/questions"));
        assertEquals(List.of(Role.SUPERVISOR, Role.GROUP_LEADER), AdminApiGate.rolesFor("/api/admin/handoffs"));
        for (String adminOnly : new String[] {"/api/admin/users", "/api/admin/users/3/password", "/api/admin/skill-groups/社保",
                "/api/admin/sensitive-words", "/api/admin/calendar/special-days", "/api/admin/kbx", "/api/admin/"}) {
            assertEquals(List.of(Role.ADMIN), AdminApiGate.rolesFor(adminOnly), adminOnly);
        }
    }
}
