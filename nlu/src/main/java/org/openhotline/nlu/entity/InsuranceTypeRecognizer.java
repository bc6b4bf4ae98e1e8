package org.openhotline.nlu.entity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which of the five social insurances a message is about (养老, 医疗, 失业, 工伤, 生育), from the words citizens
 * use for them (养老保险, 养老金, 医保, 新农合, 失业金, 工伤认定, 生育津贴…). 养老院, 养老服务, 医疗器械 and a bare
 * 失业了 are about something else.
 */
public final class InsuranceTypeRecognizer implements EntityRecognizer {
    /** Trigger word → value; the longest trigger at a position wins. */
    private static final Map<String, String> TRIGGERS = Map.ofEntries(
            Map.entry("养老保险", "养老"), Map.entry("养老金", "养老"), Map.entry("养老险", "养老"), Map.entry("城乡居保", "养老"),
            Map.entry("养老", "养老"),
            Map.entry("医保", "医疗"), Map.entry("医疗保险", "医疗"), Map.entry("医疗险", "医疗"), Map.entry("新农合", "医疗"),
            Map.entry("合作医疗", "医疗"),
            Map.entry("失业保险金", "失业"), Map.entry("失业保险", "失业"), Map.entry("失业金", "失业"), Map.entry("失业补助金", "失业"),
            Map.entry("失业险", "失业"),
            Map.entry("工伤保险", "工伤"), Map.entry("工伤险", "工伤"), Map.entry("工伤", "工伤"),
            Map.entry("生育保险", "生育"), Map.entry("生育津贴", "生育"), Map.entry("生育险", "生育"), Map.entry("生育金", "生育"));
    /** After a bare 养老 these make it an old people's home or care, not the pension. */
    private static final String[] NOT_PENSION = {"院", "服务", "机构", "中心", "公寓", "产业", "床位", "护理", "驿站", "社区", "餐桌", "助餐"};
    private static final int MAX = TRIGGERS.keySet().stream().mapToInt(String::length).max().orElse(1);

    @Override
    public List<Entity> find(ScanText text, LocalDateTime now) {
        List<Entity> out = new ArrayList<>();
        String s = text.text();
        int i = 0;
        while (i < s.length()) {
            int found = 0;
            for (int len = Math.min(MAX, s.length() - i); len >= 2; len--) {
                String key = s.substring(i, i + len);
                String value = TRIGGERS.get(key);
                if (value == null) continue;
                if (key.equals("养老") && NumeralScan.startsWithAny(s, i + len, NOT_PENSION) != null) break;
                out.add(new Entity(EntityType.INSURANCE_TYPE, value, i, i + len, key.length() > 2 ? 0.95 : 0.85));
                found = len;
                break;
            }
            i += Math.max(1, found);
        }
        return out;
    }
}
