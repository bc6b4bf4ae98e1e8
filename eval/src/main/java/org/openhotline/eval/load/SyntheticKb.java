package org.openhotline.eval.load;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.kb.model.Entry;

/**
 * Grows a real knowledge base to {@code size} entries by copying its entries under other place names
 * ("在杭州" + question), so that index size and cost grow as they would with a large bureau's base,
 * while the original entries (and so the queries' expected answers) stay in it unchanged. Copies keep
 * {@value #SIMILAR_PER_COPY} similar questions, about what a large curated base holds per entry.
 */
public final class SyntheticKb {
    private static final String[] PLACES = ("北京 上海 天津 重庆 广州 深圳 杭州 南京 苏州 武汉 成都 西安 郑州 长沙 合肥 济南 青岛 沈阳 大连 哈尔滨 "
            + "长春 石家庄 太原 呼和浩特 南昌 福州 厦门 南宁 海口 贵阳 昆明 拉萨 兰州 西宁 银川 乌鲁木齐 宁波 温州 无锡 常州 "
            + "徐州 扬州 佛山 东莞 珠海 汕头 泉州 烟台 潍坊 洛阳 襄阳 宜昌 株洲 岳阳 绵阳 桂林 遵义 大理 唐山 保定").split(" ");
    static final int SIMILAR_PER_COPY = 2;
    private static final String[] FORMS = {"在%s", "%s市", "%s地区", "%s本地", "我在%s"};

    public static List<Entry> grow(List<Entry> base, int size) {
        if (base.isEmpty()) throw new IllegalArgumentException("no entries to grow from");
        List<Entry> out = new ArrayList<>(Math.max(size, base.size()));
        out.addAll(base);
        for (int k = 0; out.size() < size; k++) {
            Entry b = base.get(k % base.size());
            int variant = k / base.size();
            String place = String.format(FORMS[(variant / PLACES.length) % FORMS.length], PLACES[variant % PLACES.length]);
            String prefix = variant >= PLACES.length * FORMS.length ? place + variant : place;
            List<String> similar = b.similar().stream().limit(SIMILAR_PER_COPY).map(s -> prefix + s).toList();
            out.add(new Entry(b.id() + "-x" + variant, b.category(), prefix + b.question(), similar,
                    prefix + "：" + b.answer(), null, b.keywords(), null, null, b.status()));
        }
        return out;
    }

    private SyntheticKb() {}
}
