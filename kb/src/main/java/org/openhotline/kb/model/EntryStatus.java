package org.openhotline.kb.model;

/** Whether citizens may be answered with an entry. Only PUBLISHED entries are indexed. */
public enum EntryStatus {
    PUBLISHED,
    DISABLED;

    /** Reads the words editors use in spreadsheets (启用/停用) as well as the enum names. */
    public static EntryStatus parse(String s) {
        if (s == null || s.isBlank()) return PUBLISHED;
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "published", "active", "enabled", "启用", "发布", "已发布", "有效" -> PUBLISHED;
            case "disabled", "inactive", "停用", "禁用", "无效", "下线" -> DISABLED;
            default -> throw new IllegalArgumentException("unknown status '" + s + "' (use 启用 or 停用)");
        };
    }
}
