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
