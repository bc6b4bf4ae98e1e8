package org.openhotline.server.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.nlu.entity.IdCardRecognizer;

/**
 * Made-up social-insurance and housing-fund data, derived from the ID number so the same ID always gets the
 * same answers. Rules a demo or test can rely on: the verification code is {@value #DEMO_CODE}; an ID of
 * someone born in 2010 or later has no records; an application number ending in 0000 does not exist.
 */
final class SampleRecords {
    static final String DEMO_CODE = "123456";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final String[] KINDS = {"租房提取", "购房提取", "偿还住房贷款提取", "离职提取"};
    private static final String[] STAGES = {"已受理", "审核中", "审核通过，待转账", "已到账"};

    private SampleRecords() {}

    static boolean validId(String id, LocalDate today) {
        return id != null && IdCardRecognizer.isValid18(id.toUpperCase(java.util.Locale.ROOT), today);
    }

    static boolean hasHistory(String id) {
        return Integer.parseInt(id.substring(6, 10)) < 2010;
    }

    /** The months of {@code year} up to last month, each with a base, the personal 8% and the employer's 16%. */
    static Map<String, Object> paymentRecords(String id, int year, LocalDate today) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!hasHistory(id) || year > today.getYear() || year < 1995) {
            out.put("status", "not_found");
            return out;
        }
        int lastMonth = year == today.getYear() ? today.getMonthValue() - 1 : 12;
        BigDecimal base = BigDecimal.valueOf(4000 + Math.floorMod(id.hashCode() + year, 40) * 100L);
        BigDecimal personal = base.multiply(new BigDecimal("0.08")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal employer = base.multiply(new BigDecimal("0.16")).setScale(2, RoundingMode.HALF_UP);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int m = 1; m <= lastMonth; m++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("month", String.format("%d-%02d", year, m));
            r.put("base", base.setScale(2, RoundingMode.UNNECESSARY));
            r.put("personal", personal);
            r.put("employer", employer);
            r.put("state", "已实缴");
            records.add(r);
        }
        out.put("status", "ok");
        out.put("year", year);
        out.put("records", records);
        out.put("personalTotal", personal.multiply(BigDecimal.valueOf(records.size())));
        return out;
    }

    /** The withdrawal applications of an ID (one or two), or the one named by an application number. */
    static Map<String, Object> withdrawals(String key, LocalDate today) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> apps = new ArrayList<>();
        if (key.startsWith("TQ")) {
            if (!key.endsWith("0000")) apps.add(application(key, Math.floorMod(key.hashCode(), 1000), today));
        } else if (hasHistory(key)) {
            int seed = Math.floorMod(key.hashCode(), 1000);
            int count = 1 + seed % 2;
            for (int i = 0; i < count; i++) {
                LocalDate submitted = today.minusDays(3 + 20L * i + seed % 7);
                String no = "TQ" + submitted.format(DateTimeFormatter.ofPattern("yyyyMM")) + String.format("%04d", (seed * 7 + i * 13) % 9000 + 1000);
                apps.add(application(no, seed + i, today));
            }
        }
        if (apps.isEmpty()) {
            out.put("status", "not_found");
            return out;
        }
        out.put("status", "ok");
        out.put("applications", apps);
        return out;
    }

    private static Map<String, Object> application(String no, int seed, LocalDate today) {
        Map<String, Object> a = new LinkedHashMap<>();
        int stage = seed % STAGES.length;
        a.put("applicationNo", no);
        a.put("kind", KINDS[seed % KINDS.length]);
        a.put("amount", BigDecimal.valueOf(3000 + (seed % 50) * 500L).setScale(2, RoundingMode.UNNECESSARY));
        a.put("submittedAt", today.minusDays(2 + seed % 9).format(DAY));
        a.put("stage", STAGES[stage]);
        a.put("note", stage == 1 ? "材料齐全，预计 2 个工作日内完成审核" : "");
        return a;
    }
}
