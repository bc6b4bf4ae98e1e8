package org.openhotline.nlu.entity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.nlu.gazetteer.Gazetteer;
import org.openhotline.nlu.gazetteer.Place;
import org.openhotline.nlu.gazetteer.PlaceType;

/**
 * The district (or county, or development zone) a citizen names, valued by its canonical gazetteer name:
 * 高新区 → 西安高新区, 户县 → 鄠邑区. Routing to the right office depends on it. A short alias that is the
 * start of a road or building name (未央路, 曲江池) is not the district.
 */
public final class DistrictRecognizer implements EntityRecognizer {
    private static final String NAME_CONTINUES = "路街道巷村镇厦场园院站店池湖宫寺桥门城里坊";

    private final Map<String, Place> names = new HashMap<>();
    private final Map<String, Boolean> canonical = new HashMap<>();
    private final int maxLength;
    /** For each char, bit {@code len} set when a name of that length starts with it: no substring is built in vain. */
    private final long[] lengthsByFirstChar = new long[Character.MAX_VALUE + 1];

    public DistrictRecognizer(Gazetteer gazetteer) {
        int max = 0;
        for (Place p : gazetteer.places(PlaceType.DISTRICT)) {
            names.putIfAbsent(p.name(), p);
            canonical.put(p.name(), true);
            max = Math.max(max, p.name().length());
            for (String a : p.aliases()) {
                if (a.length() < 2) continue;
                names.putIfAbsent(a, p);
                canonical.putIfAbsent(a, false);
                max = Math.max(max, a.length());
            }
        }
        this.maxLength = max;
        for (String name : names.keySet()) {
            if (!name.isEmpty()) lengthsByFirstChar[name.charAt(0)] |= lengthBit(name.length());
        }
    }

    /** The bit of a length; lengths of 63 and more share the top bit, which then only means "look it up". */
    private static long lengthBit(int length) {
        return 1L << Math.min(length, 63);
    }

    @Override
    public List<Entity> find(ScanText text, LocalDateTime now) {
        List<Entity> out = new ArrayList<>();
        String s = text.text();
        int i = 0;
        while (i < s.length()) {
            if (!text.isCjk(i)) {
                i++;
                continue;
            }
            int found = 0;
            long lengths = lengthsByFirstChar[s.charAt(i)];
            for (int len = Math.min(maxLength, s.length() - i); len >= 2 && lengths != 0; len--) {
                if ((lengths & lengthBit(len)) == 0) continue;
                String key = s.substring(i, i + len);
                Place p = names.get(key);
                if (p == null) continue;
                boolean full = canonical.get(key);
                int end = i + len;
                if (!full && end < s.length() && NAME_CONTINUES.indexOf(s.charAt(end)) >= 0) continue;
                out.add(new Entity(EntityType.DISTRICT, p.name(), i, end, full ? 0.95 : 0.85));
                found = len;
                break;
            }
            i += Math.max(1, found);
        }
        return out;
    }
}
