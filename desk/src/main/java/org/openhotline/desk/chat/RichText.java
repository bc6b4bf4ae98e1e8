package org.openhotline.desk.chat;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agents' rich text is a small HTML subset (b, i, u, strong, em, br, p, ul, ol, li, a href http(s)). Everything
 * else is escaped on the way in, so a citizen's page never runs what an agent pasted.
 */
public final class RichText {
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>|</li>");
    private static final Pattern ANY_TAG = Pattern.compile("<[^>]*>");
    private static final Set<String> ALLOWED = Set.of("b", "i", "u", "strong", "em", "br", "p", "ul", "ol", "li", "a");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z]+)([^>]*)>");
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*\"(https?://[^\"<>\\s]+)\"", Pattern.CASE_INSENSITIVE);

    private RichText() {
    }

    public static String sanitize(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = TAG.matcher(html);
        int last = 0;
        while (m.find()) {
            out.append(escape(html.substring(last, m.start())));
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (ALLOWED.contains(name)) {
                if (name.equals("a") && m.group(1).isEmpty()) {
                    Matcher h = HREF.matcher(m.group(3));
                    out.append(h.find() ? "<a href=\"" + h.group(1) + "\" target=\"_blank\" rel=\"noopener\">" : "<a>");
                } else {
                    out.append('<').append(m.group(1)).append(name).append('>');
                }
            } else {
                out.append(escape(m.group()));
            }
            last = m.end();
        }
        out.append(escape(html.substring(last)));
        return out.toString();
    }

    /** The text of rich text, for text-only channels and the sensitive-word check. */
    public static String plain(String html) {
        return ANY_TAG.matcher(LINE_BREAK.matcher(html).replaceAll("\n")).replaceAll("").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&").strip();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
