package org.openhotline.eval.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        var rows = Csv.parse("\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",\"line\nbreak\"\n\n2,,3");
        assertEquals(List.of("a", "b", "c"), rows.get(0));
        assertEquals(List.of("1", "x, \"y\"", "line\nbreak"), rows.get(1));
        assertEquals(List.of("2", "", "3"), rows.get(2));
        assertEquals(3, rows.size());
    }
}
