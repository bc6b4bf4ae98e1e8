package org.openhotline.wechat.voice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhotline.wechat.RigAccess;
import org.openhotline.wechat.WechatTexts;
import org.openhotline.wechat.simulator.WechatSimulator.Attempt;
import org.openhotline.wechat.simulator.WechatSimulator.Mode;

/**
 * A voice message without WeChat's recognition: with a transcriber for its format, the audio is downloaded through
 * the media API (the simulator's) and the transcript answered; a format it does not decode is never downloaded.
 */
class VoiceDownloadTest {
    static final byte[] AMR = "#!AMR\n\u0001\u0002\u0003".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    static final List<byte[]> heard = new CopyOnWriteArrayList<>();
    static RigAccess rig;

    /** Understands exactly one recording; the real one is the voice module's ASR, wired by the server. */
    static final VoiceTranscriber ONE_RECORDING = new VoiceTranscriber() {
        @Override
        public Set<String> formats() {
            return Set.of("amr");
        }

        @Override
        public Optional<String> transcribe(byte[] audio, String format) {
            heard.add(audio);
            return java.util.Arrays.equals(audio, AMR) ? Optional.of("社保卡怎么补办") : Optional.empty();
        }
    };

    @BeforeAll
    static void start() throws Exception {
        rig = RigAccess.withTranscriber(ONE_RECORDING);
        rig.wechat().putMedia("voice-1", AMR);
        rig.wechat().putMedia("voice-noise", new byte[] {1, 2, 3});
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void theAudioIsDownloadedAndItsTranscriptAnswered() {
        Attempt a = rig.wechat().deliver(rig.wechat().voiceXml("o-voice-asr", null, "voice-1", "amr"), Mode.SAFE).get(0);
        assertEquals("答：社保卡怎么补办", a.replyText());
        assertArrayEquals(AMR, heard.get(heard.size() - 1));
    }

    @Test
    void audioNotUnderstoodOrNotDecodableGetsThePoliteReply() {
        int before = heard.size();
        Attempt speex = rig.wechat().deliver(rig.wechat().voiceXml("o-voice-asr", null, "voice-1", "speex"), Mode.PLAIN).get(0);
        assertEquals(WechatTexts.defaults().voiceUnrecognised(), speex.replyText());
        assertEquals(before, heard.size(), "a format the transcriber cannot decode is not downloaded");
        Attempt noise = rig.wechat().deliver(rig.wechat().voiceXml("o-voice-asr", null, "voice-noise", "amr"), Mode.PLAIN).get(0);
        assertEquals(WechatTexts.defaults().voiceUnrecognised(), noise.replyText());
        Attempt gone = rig.wechat().deliver(rig.wechat().voiceXml("o-voice-asr", null, "voice-expired", "amr"), Mode.PLAIN).get(0);
        assertEquals(WechatTexts.defaults().voiceUnrecognised(), gone.replyText(), "media no longer on WeChat: polite reply, no crash");
    }
}
