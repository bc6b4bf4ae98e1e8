package org.openhotline.server.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.openhotline.desk.account.Account;

/** An account as the browser sees it (never a hash or a counter): the body of login, me and the users admin API. */
final class AccountJson {
    private AccountJson() {}

    static Map<String, Object> of(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("username", a.username());
        m.put("displayName", a.displayName());
        m.put("roles", new TreeSet<>(a.roles()).stream().map(Enum::name).toList());
        m.put("skillGroups", a.skillGroups());
        m.put("maxChats", a.maxChats());
        m.put("disabled", a.disabled());
        m.put("mustChangePassword", a.mustChangePassword());
        m.put("createdAt", a.createdAt().toString());
        m.put("updatedAt", a.updatedAt().toString());
        return m;
    }

    /** The body of login, me and a password change: who is signed in and the CSRF token for their requests. */
    static Map<String, Object> session(Account a, String csrf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", of(a));
        m.put("csrf", csrf);
        return m;
    }
}
