package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.gazetteer.Gazetteer;

class DistrictRecognizerTest {
    private final DistrictRecognizer r = new DistrictRecognizer(Gazetteer.bundled());

    @Test
    void canonicalNamesAndAliases() {
        assertEquals(List.of("雁塔区@雁塔区"), Found.spans(r, "在雁塔区上班"));
        assertEquals(List.of("西安高新区@高新区"), Found.spans(r, "我在高新区一家公司上班"));
        assertEquals(List.of("西安高新区@西安高新区"), Found.spans(r, "在西安高新区上班"), "the longest name wins");
        assertEquals(List.of("鄠邑区"), Found.values(r, "我婆婆在户县"));
        assertEquals(List.of("经开区"), Found.values(r, "地址：经济技术开发区凤城八路"));
        assertEquals(List.of("雁塔区", "碑林区"), Found.values(r, "雁塔区和碑林区是同一个吗"));
    }

    @Test
    void roadsBuildingsAndTheCityAreNoDistrict() {
        assertEquals(List.of(), Found.values(r, "住在未央路的长安大厦"));
        assertEquals(List.of(), Found.values(r, "去曲江池玩"));
        assertEquals(List.of(), Found.values(r, "在西安交了十年"), "a city is coarser than a district");
        assertEquals(List.of(), Found.values(r, "纺织城街道"), "streets are not districts");
    }

    @Test
    void anyGazetteerCanBeUsed() {
        Gazetteer bj = Gazetteer.parse(List.of("district\t朝阳区\t北京市\t朝阳"), "test");
        assertEquals(List.of("朝阳区"), Found.values(new DistrictRecognizer(bj), "我在朝阳上班"));
    }
}
