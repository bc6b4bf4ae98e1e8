package org.openhotline.wechat.voice;

import java.util.Locale;
import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import org.openhotline.wechat.api.WechatApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Downloads a voice message's audio through the media API and hands it to the transcriber. */
public final class VoiceReader {
    private static final Logger log = LoggerFactory.getLogger(VoiceReader.class);
    private final WechatApi api;
    private final VoiceTranscriber transcriber;

    public VoiceReader(WechatApi api, VoiceTranscriber transcriber) {
        this.api = api;
        this.transcriber = transcriber;
    }

    /** Whether a voice message in {@code format} is worth downloading. */
    public boolean decodes(String format) {
        return format != null && transcriber.formats().contains(format.toLowerCase(Locale.ROOT));
    }

    /** The text of the voice message, or empty (download failed, or nothing understood). */
    public Optional<String> read(String mediaId, String format) {
        try {
            byte[] audio = api.downloadMedia(mediaId);
            return transcriber.transcribe(audio, format.toLowerCase(Locale.ROOT)).map(String::strip).filter(t -> !t.isEmpty());
        } catch (WxErrorException | RuntimeException e) {
            log.warn("wechat voice message could not be downloaded or recognised: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
