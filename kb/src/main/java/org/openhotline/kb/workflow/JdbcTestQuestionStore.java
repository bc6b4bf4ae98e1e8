package org.openhotline.kb.workflow;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/** The saved test questions ({@code kb_test_question}); a qid saved again replaces the question. */
public final class JdbcTestQuestionStore {
    private final Sql sql;
    private final Clock clock;

    public JdbcTestQuestionStore(DataSource ds, Clock clock) {
        this.sql = new Sql(ds);
        this.clock = clock;
    }

    /** Saves each question (replacing one with the same qid); returns how many were new. */
    public int save(List<TestQuestion> questions, String addedBy) {
        int fresh = 0;
        for (TestQuestion q : questions) {
            boolean existed = sql.update("DELETE FROM kb_test_question WHERE qid = ?", q.qid()) == 1;
            sql.update("INSERT INTO kb_test_question (qid, query, kind, expected_ids, added_by, added_at) VALUES (?,?,?,?,?,?)",
                    q.qid(), q.query(), q.kind(), String.join("\n", q.expectedIds()), addedBy, Sql.now(clock));
            if (!existed) fresh++;
        }
        return fresh;
    }

    public boolean remove(String qid) {
        return sql.update("DELETE FROM kb_test_question WHERE qid = ?", qid) == 1;
    }

    /** Ordered by qid. */
    public List<TestQuestion> all() {
        return sql.query("SELECT qid, query, kind, expected_ids FROM kb_test_question ORDER BY qid", rs -> new TestQuestion(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4).isEmpty() ? List.of() : Arrays.asList(rs.getString(4).split("\n"))));
    }
}
