package org.openhotline.desk;

/**
 * Port: the sub-channel or entry point a citizen came from ("web:mobile", "wechat:menu-社保", "app"), which priority
 * rules ({@code source=…}) and the console read. The channels know it (page, menu, app); the server fills this from
 * what they recorded for the session. Null when unknown.
 */
@FunctionalInterface
public interface CitizenSources {
    String sourceOf(String sessionId, String channel);

    CitizenSources NONE = (sessionId, channel) -> null;
}
