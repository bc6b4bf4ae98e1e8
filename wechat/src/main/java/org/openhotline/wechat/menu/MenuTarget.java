package org.openhotline.wechat.menu;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a CLICK key of the menu does, from {@code wechat.menu} ("KEY=target"): a question or flow phrase taken as
 * typed, a task flow by id ({@code flow:si-payment-records}, resolved by the server to one of its trigger
 * phrases), or a knowledge-base category ({@code category:社保}, answered with the questions of that category and
 * of its sub-categories such as 社保/社保卡).
 */
public sealed interface MenuTarget {
    record Phrase(String text) implements MenuTarget {}

    record Flow(String flowId) implements MenuTarget {}

    record Category(String name) implements MenuTarget {}

    static MenuTarget parse(String value) {
        String v = value.strip();
        if (v.startsWith("flow:") && v.length() > 5) return new Flow(v.substring(5).strip());
        if (v.startsWith("category:") && v.length() > 9) return new Category(v.substring(9).strip());
        return new Phrase(v);
    }

    /** Every key's target, parsed once when the menu configuration loads. */
    static Map<String, MenuTarget> parseAll(Map<String, String> menu) {
        Map<String, MenuTarget> out = new LinkedHashMap<>();
        menu.forEach((key, value) -> out.put(key, parse(value)));
        return Collections.unmodifiableMap(out);
    }
}
