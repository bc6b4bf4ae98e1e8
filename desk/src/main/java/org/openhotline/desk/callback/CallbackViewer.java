package org.openhotline.desk.callback;

import java.util.List;

/**
 * Who is working the list: an agent sees and claims the tasks of their skill groups; {@code allGroups} (group leaders,
 * supervisors: the server decides from the roles) sees every group's. Built by the HTTP layer from the account.
 */
public record CallbackViewer(String agentId, List<String> groups, boolean allGroups) {
    public CallbackViewer {
        groups = List.copyOf(groups);
    }

    public boolean sees(String group) {
        return allGroups || groups.contains(group);
    }
}
