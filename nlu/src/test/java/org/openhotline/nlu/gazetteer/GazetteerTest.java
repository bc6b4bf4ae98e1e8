package org.openhotline.nlu.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {
    @Test
    void bundledSampleIsXian() {
        Gazetteer g = Gazetteer.bundled();
        assertEquals("鄠邑区", g.lookup("户县").orElseThrow().name());
        assertEquals(PlaceType.CITY, g.lookup("西安").orElseThrow().type());
        assertEquals("新城区", g.lookup("西一路街道").orElseThrow().parent());
        assertTrue(g.places(PlaceType.DISTRICT).size() >= 19);
    }

    @Test
    void anotherCityFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bj.txt");
        Files.writeString(file, "# Beijing\ncity\t北京市\t\t北京\ndistrict\t朝阳区\t北京市\t朝阳\ndistrict\t海淀区\t北京市\t\n");
        Gazetteer g = Gazetteer.load(file);
        assertEquals(2, g.places(PlaceType.DISTRICT).size());
        assertEquals(List.of("朝阳"), g.lookup("朝阳区").orElseThrow().aliases());
        assertTrue(g.lookup("雁塔区").isEmpty());
    }

    @Test
    void malformedLinesAreReportedWithTheirNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gazetteer.parse(List.of("district\t新城区\t西安市", "district 碑林区"), "x.txt"));
        assertTrue(e.getMessage().startsWith("x.txt:2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gazetteer.parse(List.of("county\t蓝田县\t西安市"), "x.txt"));
    }
}
