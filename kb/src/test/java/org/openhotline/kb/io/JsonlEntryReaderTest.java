package org.openhotline.kb.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

class JsonlEntryReaderTest {

    private static ImportResult read(String... lines) throws IOException {
        return new JsonlEntryReader().read(new StringReader(String.join("\n", lines)));
    }

    private static RowProblem onlyProblem(ImportResult r) {
        assertTrue(r.entries().isEmpty(), r.report());
        assertEquals(1, r.problems().size(), r.report());
        return r.problems().get(0);
    }

    @Test
    void readsAValidLineWithEveryField() throws IOException {
        ImportResult r = read("{\"id\":\"sb-001\",\"category\":\"社保/社保卡\",\"question\":\"社保卡丢了怎么补办\","
                + "\"similar\":[\"社保卡遗失\",\"社会保障卡补领\"],\"answer\":\"携带身份证到经办网点补办。\","
                + "\"voice_answer\":\"带身份证去网点补办\",\"keywords\":[\"社保卡\",\"补办\"],"
                + "\"valid_from\":\"2024-01-01\",\"valid_to\":\"2025/12/31\",\"status\":\"启用\"}");
        assertTrue(r.isClean(), r.report());
        assertEquals(List.of(new Entry("sb-001", "社保/社保卡", "社保卡丢了怎么补办", List.of("社保卡遗失", "社会保障卡补领"),
                "携带身份证到经办网点补办。", "带身份证去网点补办", List.of("社保卡", "补办"), LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31), EntryStatus.PUBLISHED)), r.entries());
    }

    @Test
    void departmentIsTheCategoryAndUnknownFieldsAreIgnored() throws IOException {
        ImportResult r = read("{\"question\":\"公积金怎么提取\",\"answer\":\"见公积金中心网站。\",\"department\":\"公积金中心\","
                + "\"source\":\"gov.cn\",\"views\":12,\"tags\":{\"a\":1}}");
        assertTrue(r.isClean(), r.report());
        assertEquals("公积金中心", r.entries().get(0).category());
    }

    @Test
    void categoryWinsOverDepartment() throws IOException {
        ImportResult r = read("{\"question\":\"q\",\"answer\":\"a\",\"category\":\"医保\",\"department\":\"医保局\"}");
        assertEquals("医保", r.entries().get(0).category());
    }

    @Test
    void byteOrderMarkAndBlankLinesAreSkipped() throws IOException {
        ImportResult r = read("\uFEFF{\"id\":\"a\",\"question\":\"q1\",\"answer\":\"a1\"}", "", "   ",
                "{\"id\":\"b\",\"question\":\"q2\",\"answer\":\"a2\"}", "");
        assertTrue(r.isClean(), r.report());
        assertEquals(List.of("a", "b"), r.entries().stream().map(Entry::id).toList());
    }

    @Test
    void similarQuestionsAreCleanedAndDeduplicated() throws IOException {
        ImportResult r = read("{\"question\":\"社保卡怎么补办\",\"answer\":\"a\",\"similar\":[\" 社保卡  丢了 \",\"社保卡丢了\",\"\","
                + "\"社保卡 丢了\",\"社保卡怎么补办\"]}");
        assertEquals(List.of("社保卡 丢了", "社保卡丢了"), r.entries().get(0).similar());
    }

    @Test
    void similarMayBeOneStringAsSpreadsheetsExportIt() throws IOException {
        ImportResult r = read("{\"question\":\"q\",\"answer\":\"a\",\"similar\":\"问法一;问法二；问法三\\n问法四\"}");
        assertEquals(List.of("问法一", "问法二", "问法三", "问法四"), r.entries().get(0).similar());
    }

    @Test
    void numbersAreReadAsText() throws IOException {
        ImportResult r = read("{\"id\":1001,\"question\":\"q\",\"answer\":\"a\"}");
        assertEquals("1001", r.entries().get(0).id());
    }

    @Test
    void disabledStatus() throws IOException {
        ImportResult r = read("{\"question\":\"q\",\"answer\":\"a\",\"status\":\"停用\"}",
                "{\"question\":\"q2\",\"answer\":\"a\",\"status\":\"DISABLED\"}");
        assertTrue(r.entries().stream().allMatch(e -> e.status() == EntryStatus.DISABLED), r.report());
    }

    @Test
    void invalidJsonIsReportedWithItsLineNumber() throws IOException {
        RowProblem p = onlyProblem(read("", "{\"question\":\"q\",\"answer\":"));
        assertEquals(2, p.row());
        assertTrue(p.message().startsWith("not valid JSON"), p.message());
    }

    @Test
    void twoObjectsOnOneLineAreRefusedNotHalfRead() throws IOException {
        // a missing line break must not silently drop the second entry
        RowProblem p = onlyProblem(read("{\"question\":\"q1\",\"answer\":\"a1\"} {\"question\":\"q2\",\"answer\":\"a2\"}"));
        assertEquals(1, p.row());
        assertTrue(p.message().startsWith("not valid JSON"), p.message());
    }

    @Test
    void aLineThatIsNotAnObjectIsRefused() throws IOException {
        ImportResult r = read("[\"q\",\"a\"]", "\"社保卡怎么补办\"", "null");
        assertEquals(List.of(new RowProblem(1, "not a JSON object"), new RowProblem(2, "not a JSON object"),
                new RowProblem(3, "not a JSON object")), r.problems());
    }

    @Test
    void missingQuestion() throws IOException {
        RowProblem p = onlyProblem(read("{\"answer\":\"a\"}"));
        assertEquals(new RowProblem(1, "standard question is empty"), p);
    }

    @Test
    void missingAnswer() throws IOException {
        RowProblem p = onlyProblem(read("{\"question\":\"q\",\"answer\":\"  \"}"));
        assertEquals(new RowProblem(1, "answer is empty"), p);
    }

    @Test
    void similarMustBeAnArrayOfStrings() throws IOException {
        ImportResult r = read("{\"question\":\"q\",\"answer\":\"a\",\"similar\":{\"x\":1}}",
                "{\"question\":\"q2\",\"answer\":\"a\",\"similar\":[\"ok\",[\"nested\"]]}");
        assertFalse(r.isClean());
        assertEquals(List.of(new RowProblem(1, "'similar' must be an array of strings"),
                new RowProblem(2, "'similar' must contain only strings")), r.problems());
    }

    @Test
    void questionMustBeAString() throws IOException {
        RowProblem p = onlyProblem(read("{\"question\":[\"q\"],\"answer\":\"a\"}"));
        assertEquals(new RowProblem(1, "'question' must be a string"), p);
    }

    @Test
    void duplicateIdNamesTheFirstRow() throws IOException {
        ImportResult r = read("{\"id\":\"x\",\"question\":\"q1\",\"answer\":\"a\"}", "",
                "{\"id\":\"x\",\"question\":\"q2\",\"answer\":\"a\"}");
        assertEquals(1, r.entries().size());
        assertEquals(List.of(new RowProblem(3, "id 'x' is already used on row 1")), r.problems());
    }

    @Test
    void badDates() throws IOException {
        ImportResult r = read("{\"question\":\"q1\",\"answer\":\"a\",\"valid_from\":\"2024-13-01\"}",
                "{\"question\":\"q2\",\"answer\":\"a\",\"valid_to\":\"明年\"}",
                "{\"question\":\"q3\",\"answer\":\"a\",\"valid_from\":\"2025-02-01\",\"valid_to\":\"2025-01-31\"}");
        assertTrue(r.entries().isEmpty());
        assertEquals(List.of(new RowProblem(1, "valid_from '2024-13-01' is not a date (yyyy-MM-dd)"),
                new RowProblem(2, "valid_to '明年' is not a date (yyyy-MM-dd)"),
                new RowProblem(3, "valid_to is before valid_from")), r.problems());
    }

    @Test
    void unknownStatus() throws IOException {
        RowProblem p = onlyProblem(read("{\"question\":\"q\",\"answer\":\"a\",\"status\":\"maybe\"}"));
        assertTrue(p.message().contains("unknown status 'maybe'"), p.message());
    }

    @Test
    void everyProblemOfARowIsReportedTogether() throws IOException {
        RowProblem p = onlyProblem(read("{\"valid_from\":\"x\"}"));
        assertEquals("standard question is empty; answer is empty; valid_from 'x' is not a date (yyyy-MM-dd)", p.message());
    }

    @Test
    void goodRowsAreKeptBesideBadOnesButTheResultIsNotClean() throws IOException {
        ImportResult r = read("{\"question\":\"q1\",\"answer\":\"a\"}", "oops", "{\"question\":\"q2\",\"answer\":\"a\"}");
        assertEquals(2, r.entries().size());
        assertFalse(r.isClean());
        assertEquals("2 entries read, 1 rows refused\n  row 2: " + r.problems().get(0).message(), r.report());
    }

    @Test
    void missingIdIsDerivedFromTheQuestionAndStable() throws IOException {
        String line = "{\"question\":\"社保卡怎么补办\",\"answer\":\"a\"}";
        String id = read(line).entries().get(0).id();
        assertTrue(id.matches("kb-[0-9a-f]{12}"), id);
        assertEquals(id, read(line).entries().get(0).id(), "re-importing keeps the id");
        assertEquals(id, read("{\"question\":\"  社保卡怎么补办 \",\"answer\":\"另一个答案\"}").entries().get(0).id(),
                "the id depends on the cleaned question only");
        assertNotEquals(id, read("{\"question\":\"公积金怎么提取\",\"answer\":\"a\"}").entries().get(0).id());
    }

    @Test
    void sameQuestionTwiceWithoutIdsIsADuplicate() throws IOException {
        ImportResult r = read("{\"question\":\"q\",\"answer\":\"a\"}", "{\"question\":\"q\",\"answer\":\"b\"}");
        assertEquals(1, r.entries().size());
        assertEquals(2, r.problems().get(0).row());
        assertTrue(r.problems().get(0).message().contains("already used on row 1"));
    }

    @Test
    void overlongFieldsAreRefused() throws IOException {
        String longQ = "问".repeat(EntryValidator.MAX_QUESTION + 1);
        String longId = "x".repeat(EntryValidator.MAX_ID + 1);
        ImportResult r = read("{\"question\":\"" + longQ + "\",\"answer\":\"a\"}", "{\"id\":\"" + longId + "\",\"question\":\"q\",\"answer\":\"a\"}");
        assertEquals(List.of(new RowProblem(1, "standard question is longer than 500 characters"),
                new RowProblem(2, "id is longer than 64 characters")), r.problems());
    }
}
