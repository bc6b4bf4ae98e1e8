package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InsuranceTypeRecognizerTest {
    private final InsuranceTypeRecognizer r = new InsuranceTypeRecognizer();

    @Test
    void theFiveInsurancesUnderTheirEverydayNames() {
        assertEquals(List.of("养老@养老保险"), Found.spans(r, "查一下养老保险缴费记录"));
        assertEquals(List.of("医疗@医保"), Found.spans(r, "医保断交了半年"));
        assertEquals(List.of("医疗"), Found.values(r, "医疗保险异地备案"));
        assertEquals(List.of("医疗"), Found.values(r, "新农合现在叫什么"));
        assertEquals(List.of("失业@失业金"), Found.spans(r, "能领失业金吗"));
        assertEquals(List.of("工伤@工伤"), Found.spans(r, "工伤认定需要多长时间"));
        assertEquals(List.of("生育@生育津贴"), Found.spans(r, "生育津贴什么时候发"));
        assertEquals(List.of("工伤", "失业", "养老"), Found.values(r, "单位交的是工伤保险和失业保险 没交养老"));
        assertEquals(List.of("养老"), Found.values(r, "交了九年城乡居保"));
    }

    @Test
    void homesDevicesAndJoblessnessAreNotInsurance() {
        assertEquals(List.of(), Found.values(r, "养老院收费太高了"));
        assertEquals(List.of(), Found.values(r, "养老服务中心的护工态度很差"));
        assertEquals(List.of(), Found.values(r, "我在医疗器械公司上班"));
        assertEquals(List.of(), Found.values(r, "失业了，还没找到工作"));
        assertEquals(List.of(), Found.values(r, "社保卡丢了"));
    }
}
