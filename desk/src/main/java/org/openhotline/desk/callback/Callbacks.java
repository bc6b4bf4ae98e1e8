package org.openhotline.desk.callback;

import java.util.List;
import org.openhotline.desk.DeskException;

/**
 * The call-back work list (漏接回拨, 留言处理): sources {@link #create} tasks, agents list, claim, call and record what
 * happened. Refusals are {@code DeskException}s (not_found, not_yours, bad_state, bad_input) like the rest of the desk.
 */
public interface Callbacks {
    /** Records a task, or merges it into the same number's task that is not done yet (a count, never a duplicate). */
    CallbackTask create(NewCallback task);

    /**
     * {@code status} null = the work list: OPEN tasks of the viewer's groups and the tasks they claimed; OPEN / CLAIMED /
     * DONE for one state. {@code group} narrows to one group the viewer sees. Overdue first, then oldest; done: newest first.
     */
    List<CallbackTask> list(CallbackViewer who, CallbackStatus status, String group);

    /** Most tasks one list returns. */
    int MAX_PAGE = 500;

    /**
     * One page of {@link #list(CallbackViewer, CallbackStatus, String)}: {@code limit} tasks (1 to {@link #MAX_PAGE})
     * after skipping {@code offset}; anything else is {@code bad_input}. The done list grows forever: this reaches it
     * all. (The default pages the first list in memory, for simple implementations.)
     */
    default List<CallbackTask> list(CallbackViewer who, CallbackStatus status, String group, int offset, int limit) {
        if (limit < 1 || limit > MAX_PAGE) throw DeskException.badInput("limit must be 1 to " + MAX_PAGE);
        if (offset < 0) throw DeskException.badInput("offset must not be negative");
        List<CallbackTask> all = list(who, status, group);
        return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
    }

    /** One task the viewer may see (its group's agents, leaders, supervisors). */
    CallbackTask find(CallbackViewer who, long id);

    /** Claims an OPEN task (or one whose claim lapsed) for the viewer; of two agents claiming, one wins, the other gets bad_state. */
    CallbackTask claim(CallbackViewer who, long id);

    /**
     * The viewer called: NO_ANSWER counts an attempt and reopens the task until the attempts run out (then DONE); the
     * other outcomes close it. Only the agent who claimed it.
     */
    CallbackTask attempt(CallbackViewer who, long id, CallbackOutcome outcome, String notes);

    /** Gives a claimed task back to the group, untouched. */
    CallbackTask release(CallbackViewer who, long id);

    /** Claims older than {@code desk.callback-claim-minutes} go back to OPEN (the desk's timer calls it). */
    int expireClaims();
}
