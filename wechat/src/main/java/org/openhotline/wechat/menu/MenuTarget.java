package org.openhotline.wechat.menu;

/**
 * What a CLICK key of the menu does, from {@code wechat.menu} ("KEY=target"): a question or flow phrase taken as
 * typed, a task flow by id ({@code flow:si-payment-records}, resolved by the server to one of its trigger
 * phrases), or a knowledge-base category ({@code category:社保卡}, answered with that category's questions).
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
}
