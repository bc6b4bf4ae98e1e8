package org.openhotline.wechat;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.openhotline.wechat.simulator.WechatSimulator;
import org.openhotline.wechat.voice.VoiceTranscriber;

/** The test rig for tests in sub-packages (the rig itself is package-private). */
public final class RigAccess implements AutoCloseable {
    private final Rig rig;

    private RigAccess(Rig rig) {
        this.rig = rig;
    }

    public static RigAccess withTranscriber(VoiceTranscriber t) throws IOException {
        return new RigAccess(new Rig(UnaryOperator.identity(), null, b -> b.transcriber(t)));
    }

    public static RigAccess plain() throws IOException {
        return new RigAccess(new Rig(UnaryOperator.identity()));
    }

    public static final String APP_ID = Rig.APP_ID;
    public static final String SECRET = Rig.SECRET;
    public static final String TOKEN = Rig.TOKEN;
    public static final String AES_KEY = Rig.AES_KEY;

    /** The callback URL of the channel under test. */
    public String callbackUrl() {
        return rig.http.url();
    }

    public WechatSimulator wechat() {
        return rig.wechat;
    }

    public WechatChannel channel() {
        return rig.channel;
    }

    @Override
    public void close() {
        rig.close();
    }
}
