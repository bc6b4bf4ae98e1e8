package org.openhotline.bot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration for what the bot stores (sessions, log details, handoff summaries): ISO times, tolerant reads. */
public final class BotJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BotJson() {
    }

    /** Shared and thread-safe once configured; callers must not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
