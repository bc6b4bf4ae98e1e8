package org.openhotline.wechat.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template message sent instead of a customer-service message when the citizen is outside the 48-hour window
 * (45015). The account registers a template on WeChat's admin page; each field of it is filled from
 * {@code wechat.template.fields} ("keyword1={short}") where {text} is the whole message, {short} its first 20
 * characters (WeChat's limit for "thing" fields) and {time} the sending time. An empty id: no template, the message
 * is recorded as undelivered.
 */
public record TemplateSettings(String templateId, Map<String, String> fields, String url) {
    public static final TemplateSettings NONE = new TemplateSettings("", Map.of(), "");

    public TemplateSettings {
        templateId = templateId == null ? "" : templateId.strip();
        url = url == null ? "" : url.strip();
        fields = Map.copyOf(fields);
        if (!templateId.isEmpty() && fields.isEmpty()) {
            throw new IllegalArgumentException("wechat.template.fields is empty: map the template's fields, e.g. [\"keyword1={short}\"]");
        }
    }

    public boolean configured() {
        return !templateId.isEmpty();
    }

    /** Parses "field=value" items; a malformed item is a configuration error naming it. */
    public static Map<String, String> parseFields(List<String> items) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("wechat.template.fields item '" + item + "' must be field=value");
            out.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
        }
        return out;
    }

    /** A field's value for {@code text} sent at {@code time}. */
    static String fill(String pattern, String text, String time) {
        String shortText = text.codePointCount(0, text.length()) <= 20 ? text
                : text.substring(0, text.offsetByCodePoints(0, 19)) + "…";
        return pattern.replace("{text}", text).replace("{short}", shortText).replace("{time}", time);
    }
}
