package org.openhotline.nlu.entity;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Organisations a citizen names: banks (their full and short names, with a branch: 工商银行西安南郊支行) and
 * names ending in 有限公司, 公司, 管理中心, 大学, 医院… whose front is a place (西安市住房公积金管理中心,
 * 陕西省人民医院) or a trade name (金泰物业公司). Generic phrases (医疗器械公司, 社区医院, 人社局) are not one
 * organisation; HanLP's organisation recogniser was tried and reads too many of those.
 */
public final class OrgRecognizer implements EntityRecognizer {
    private static final String[] BANKS = {
        "中国工商银行", "中国建设银行", "中国农业银行", "中国邮政储蓄银行", "中国银行", "工商银行", "建设银行", "农业银行",
        "交通银行", "招商银行", "邮储银行", "邮政储蓄银行", "浦发银行", "兴业银行", "民生银行", "中信银行", "光大银行",
        "华夏银行", "平安银行", "广发银行", "西安银行", "长安银行", "秦农银行", "农村信用社", "农商银行",
        "工行", "建行", "农行", "中行", "交行", "招行",
    };
    private static final String[] BRANCHES = {"分行", "支行", "营业部", "分理处", "储蓄所"};
    private static final String[] SUFFIXES = {"有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "管理中心", "大学", "学院", "医院"};
    private static final String[] PLACES = {"中华人民共和国", "中国", "陕西省", "陕西", "西安市", "西安"};
    private static final String[] INDUSTRIES = {
        "物业服务", "物业管理", "物业", "服务", "建筑工程", "建筑", "工程", "电子科技", "信息技术", "科技", "电子", "贸易",
        "商贸", "餐饮", "房地产开发", "房地产", "置业", "实业", "发展", "投资", "管理", "网络", "文化传媒", "传媒", "汽车",
        "医疗器械", "劳务", "保安", "家政", "人力资源", "教育", "咨询", "环保", "能源", "物流", "建材", "装饰", "装修",
        "印刷", "制药", "药业", "食品", "农业", "机械", "设备", "技术", "快递", "外卖",
    };
    /** Characters that cannot be inside an organisation's name, so the name starts after them. */
    private static final String STOP = "的在叫是诉映了我们你他她找和与给到去从向对被把个家这那有要说让跟问办于及或就都也还为以由称名读念过告起往打帮请想能会可该将拿";

    @Override
    public List<Entity> find(ScanText text, LocalDateTime now) {
        List<Entity> out = new ArrayList<>();
        banks(text, out);
        suffixed(text, out);
        return out;
    }

    private static void banks(ScanText t, List<Entity> out) {
        String s = t.text();
        int i = 0;
        while (i < s.length()) {
            String bank = NumeralScan.startsWithAny(s, i, BANKS);
            if (bank == null) {
                i++;
                continue;
            }
            int end = i + bank.length();
            for (int j = end; j < s.length() && j - end <= 10 && t.isCjk(j) && STOP.indexOf(s.charAt(j)) < 0; j++) {
                String branch = NumeralScan.startsWithAny(s, j, BRANCHES);
                if (branch != null) {
                    end = j + branch.length();
                    break;
                }
            }
            out.add(new Entity(EntityType.ORG, t.original().substring(i, end), i, end, 0.9));
            i = end;
        }
    }

    private static void suffixed(ScanText t, List<Entity> out) {
        String s = t.text();
        for (String suffix : SUFFIXES) {
            for (int at = s.indexOf(suffix); at >= 0; at = s.indexOf(suffix, at + 1)) {
                int start = at;
                while (start > 0 && at - start < 16 && t.isCjk(start - 1) && STOP.indexOf(s.charAt(start - 1)) < 0) start--;
                if (start == at || !acceptable(s.substring(start, at))) continue;
                int end = at + suffix.length();
                out.add(new Entity(EntityType.ORG, t.original().substring(start, end), start, end, 0.75));
            }
        }
    }

    /** A place in front makes a name official (西安交通大学); otherwise a trade name must remain (金泰 of 金泰物业). */
    static boolean acceptable(String front) {
        String core = front;
        boolean place = false;
        for (boolean stripped = true; stripped; ) {
            stripped = false;
            for (String p : PLACES) {
                if (core.startsWith(p) && core.length() > p.length()) {
                    core = core.substring(p.length());
                    place = stripped = true;
                    break;
                }
            }
        }
        if (place) return !core.isEmpty();
        String trade = core;
        for (boolean stripped = true; stripped; ) {
            stripped = false;
            for (String ind : INDUSTRIES) {
                if (trade.endsWith(ind)) {
                    trade = trade.substring(0, trade.length() - ind.length());
                    stripped = true;
                    break;
                }
            }
        }
        // 孩子上 (大学) or 社区 (医院) are everyday words, not a trade name
        return trade.length() >= 2 && trade.length() <= 6 && !commonWord(trade) && !commonWord(trade.substring(0, 2));
    }

    private static boolean commonWord(String w) {
        CoreDictionary.Attribute a = CoreDictionary.get(w);
        if (a == null) return false;
        for (Nature n : a.nature) {
            String tag = n.toString();
            if (tag.startsWith("nz") || tag.startsWith("nr") || tag.startsWith("ns") || tag.startsWith("nt")) return false;
        }
        return true;
    }
}
