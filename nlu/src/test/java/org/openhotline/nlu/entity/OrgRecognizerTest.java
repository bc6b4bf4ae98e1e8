package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrgRecognizerTest {
    private final OrgRecognizer r = new OrgRecognizer();

    @Test
    void banksWithTheirBranch() {
        assertEquals(List.of("工商银行"), Found.values(r, "工资卡是工商银行的"));
        assertEquals(List.of("中国工商银行西安分行"), Found.values(r, "我在中国工商银行西安分行办的社保卡"));
        assertEquals(List.of("工商银行西安南郊支行"), Found.values(r, "开户行：工商银行西安南郊支行"));
        assertEquals(List.of("建行"), Found.values(r, "想把养老金卡换成建行的"));
    }

    @Test
    void namedCompaniesAndInstitutions() {
        assertEquals(List.of("金泰物业公司"), Found.values(r, "我要投诉金泰物业公司，乱收停车费"));
        assertEquals(List.of("西安宏达建筑工程有限公司"), Found.values(r, "反映西安宏达建筑工程有限公司拖欠农民工工资"));
        assertEquals(List.of("西安市住房公积金管理中心"), Found.values(r, "西安市住房公积金管理中心电话多少"));
        assertEquals(List.of("陕西省人民医院"), Found.values(r, "陕西省人民医院住院能直接用医保结算吗"));
    }

    @Test
    void genericPhrasesAreNoOrganisation() {
        assertEquals(List.of(), Found.values(r, "我在医疗器械公司上班"));
        assertEquals(List.of(), Found.values(r, "社区医院能刷医保吗"));
        assertEquals(List.of(), Found.values(r, "人社局的上班时间"));
        assertEquals(List.of(), Found.values(r, "孩子上大学了"));
        assertEquals(List.of(), Found.values(r, "银行卡号"));
        assertTrue(OrgRecognizer.acceptable("西安交通"));
        assertFalse(OrgRecognizer.acceptable("快递"));
    }
}
