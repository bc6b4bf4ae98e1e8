package org.openhotline.kb.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.openhotline.kb.io.ImportResult;
import org.openhotline.kb.io.RowProblem;
import org.openhotline.kb.model.Entry;

/**
 * An uploaded file becomes a set of drafts, one per entry it creates or changes, so imported content passes the same
 * review (four eyes), regression gate and audit as an edit made in the console. All or nothing: any refused row or
 * any entry with a change already under way imports nothing, and the drafts and their audit rows share one transaction.
 * Entries the file does not mention are left alone (a sheet of this week's changes is the common upload).
 */
public final class DraftImport {
    /** Per file: whether it was imported, what each row did, and each refused row's reason. */
    public record Outcome(boolean imported, int rows, int created, int edited, int unchanged, List<RowProblem> problems,
                          List<Long> changeIds) {}

    private final EditorialWorkflow workflow;
    private final DataSource ds;
    private final Clock clock;

    public DraftImport(EditorialWorkflow workflow, DataSource ds, Clock clock) {
        this.workflow = workflow;
        this.ds = ds;
        this.clock = clock;
    }

    public Outcome importDrafts(Actor author, ImportResult file, String source) {
        List<RowProblem> problems = new ArrayList<>(file.problems());
        Map<String, Entry> current = new HashMap<>();
        for (Entry e : workflow.currentEntries()) current.put(e.id(), e);
        Map<String, Change> underWay = workflow.changes().openFor(file.entries().stream().map(Entry::id).toList());
        List<Entry> toDraft = new ArrayList<>();
        int created = 0, edited = 0, unchanged = 0;
        for (int i = 0; i < file.entries().size(); i++) {
            Entry e = file.entries().get(i);
            Entry before = current.get(e.id());
            if (e.equals(before)) {
                unchanged++;
                continue;
            }
            Change open = underWay.get(e.id());
            if (open != null) {
                problems.add(new RowProblem(file.rowOf(i), "entry " + e.id() + " already has change " + open.id() + " ("
                        + open.status().wireName() + ") under way"));
                continue;
            }
            if (before == null) created++;
            else edited++;
            toDraft.add(e);
        }
        int rows = file.entries().size() + file.problems().size();
        problems.sort(java.util.Comparator.comparingInt(RowProblem::row));
        if (!problems.isEmpty()) return new Outcome(false, rows, created, edited, unchanged, problems, List.of());
        Instant at = Sql.now(clock);
        List<Long> ids = Sql.transaction(ds, tx -> {
            JdbcChangeStore changes = new JdbcChangeStore(tx);
            JdbcAuditLog audit = new JdbcAuditLog(tx, clock);
            List<Long> out = new ArrayList<>();
            for (Entry e : toDraft) {
                Entry before = current.get(e.id());
                ChangeKind kind = before == null ? ChangeKind.CREATE : ChangeKind.EDIT;
                String beforeJson = before == null ? null : EntryJson.write(before);
                long id = changes.insert(kind, e.id(), beforeJson, EntryJson.write(e), author.name(), at);
                audit.record(author, "draft_" + kind.wireName(), "change:" + id, "entry " + e.id() + " imported from " + source, beforeJson, EntryJson.write(e));
                out.add(id);
            }
            audit.record(author, "import", "import:" + Sql.cut(source, 150), out.size() + " draft(s): " + toDraft.size() + " of " + rows + " rows changed", null, null);
            return out;
        });
        return new Outcome(true, rows, created, edited, unchanged, List.of(), ids);
    }
}
