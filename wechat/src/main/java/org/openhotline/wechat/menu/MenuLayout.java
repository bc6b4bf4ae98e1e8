package org.openhotline.wechat.menu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;

/**
 * The account's custom menu from {@code wechat.menu-buttons}: one item per button, {@code "Top = click:KEY"},
 * {@code "Top/Sub = view:https://…"}. Checked against WeChat's rules before anything is sent (at most 3 top buttons
 * of 16 bytes, 5 sub-buttons of 60 bytes each, keys of 128 bytes, links of 1024), so a mistake is named here rather
 * than as WeChat's bare error code.
 */
public final class MenuLayout {
    private MenuLayout() {}

    public static WxMenu parse(List<String> items) {
        Map<String, List<WxMenuButton>> tops = new LinkedHashMap<>();
        Map<String, WxMenuButton> leaves = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) throw bad(item, "must be \"Name = click:KEY\" or \"Menu/Name = view:https://…\"");
            String path = item.substring(0, eq).strip();
            String action = item.substring(eq + 1).strip();
            String[] names = path.split("/", -1);
            if (names.length > 2 || names[0].isBlank() || (names.length == 2 && names[1].isBlank())) throw bad(item, "a name is \"Menu\" or \"Menu/Item\"");
            WxMenuButton b = button(item, names[names.length - 1].strip(), action, names.length == 1 ? 16 : 60);
            String top = names[0].strip();
            if (names.length == 1) {
                if (leaves.containsKey(top) || tops.containsKey(top)) throw bad(item, "the menu '" + top + "' appears twice");
                leaves.put(top, b);
                tops.put(top, null);
            } else {
                if (leaves.containsKey(top)) throw bad(item, "'" + top + "' is already a button with an action; it cannot also hold items");
                tops.computeIfAbsent(top, k -> new ArrayList<>()).add(b);
            }
        }
        if (tops.isEmpty()) throw new IllegalArgumentException("wechat.menu-buttons is empty: nothing to push");
        if (tops.size() > 3) throw new IllegalArgumentException("wechat.menu-buttons has " + tops.size() + " menus; WeChat allows 3: " + tops.keySet());
        WxMenu menu = new WxMenu();
        for (Map.Entry<String, List<WxMenuButton>> t : tops.entrySet()) {
            if (bytes(t.getKey()) > 16) throw new IllegalArgumentException("menu name '" + t.getKey() + "' is longer than WeChat's 16 bytes (4 Chinese characters)");
            if (t.getValue() == null) {
                menu.getButtons().add(leaves.get(t.getKey()));
                continue;
            }
            if (t.getValue().size() > 5) throw new IllegalArgumentException("menu '" + t.getKey() + "' has " + t.getValue().size() + " items; WeChat allows 5");
            WxMenuButton parent = new WxMenuButton();
            parent.setName(t.getKey());
            parent.setSubButtons(t.getValue());
            menu.getButtons().add(parent);
        }
        return menu;
    }

    /** Every CLICK key of the menu, for checking that each is mapped in {@code wechat.menu}. */
    public static Set<String> clickKeys(WxMenu menu) {
        Set<String> keys = new TreeSet<>();
        for (WxMenuButton b : menu.getButtons()) {
            if (b.getKey() != null) keys.add(b.getKey());
            for (WxMenuButton s : b.getSubButtons()) if (s.getKey() != null) keys.add(s.getKey());
        }
        return keys;
    }

    private static WxMenuButton button(String item, String name, String action, int maxNameBytes) {
        if (bytes(name) > maxNameBytes) throw bad(item, "the name '" + name + "' is longer than WeChat's " + maxNameBytes + " bytes");
        WxMenuButton b = new WxMenuButton();
        b.setName(name);
        int colon = action.indexOf(':');
        String kind = colon < 0 ? "" : action.substring(0, colon).strip();
        String value = colon < 0 ? "" : action.substring(colon + 1).strip();
        switch (kind) {
            case "click" -> {
                if (value.isEmpty() || bytes(value) > 128) throw bad(item, "a click key is 1 to 128 bytes");
                b.setType("click");
                b.setKey(value);
            }
            case "view" -> {
                if (!(value.startsWith("http://") || value.startsWith("https://")) || bytes(value) > 1024) {
                    throw bad(item, "a view link starts with http:// or https:// and is at most 1024 bytes");
                }
                b.setType("view");
                b.setUrl(value);
            }
            default -> throw bad(item, "the action must be click:KEY or view:URL, not '" + action + "'");
        }
        return b;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static IllegalArgumentException bad(String item, String why) {
        return new IllegalArgumentException("wechat.menu-buttons item '" + item + "': " + why);
    }
}
