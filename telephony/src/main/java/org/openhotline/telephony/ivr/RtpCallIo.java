package org.openhotline.telephony.ivr;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openhotline.telephony.rtp.MediaListener;
import org.openhotline.telephony.rtp.Playback;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.prompt.Prompt;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.SpeechUnavailableException;
import org.openhotline.voice.vad.VadEvent;
import org.openhotline.voice.vad.VoiceActivityDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallIo} over a SIP call's media: prompts from recordings or TTS, keys from RFC 4733 or INFO, barge-in
 * by a key or by voice's VAD hearing the caller start to speak, recording from the jitter buffer's output.
 */
public final class RtpCallIo implements CallIo, MediaListener {
    private static final Logger log = LoggerFactory.getLogger(RtpCallIo.class);
    private static final int RATE = 8000;
    private static final Duration SILENCE_ENDS_MESSAGE = Duration.ofSeconds(4);

    private final SipCall call;
    private final Prompts prompts;
    private final VoiceActivityDetector vad = VoiceActivityDetector.create(RATE);
    private final BlockingQueue<Character> keys = new LinkedBlockingQueue<>();
    private final AtomicBoolean speechBargeIn;
    private volatile Playback playing;
    private volatile boolean speaking;
    private volatile long lastSpeechNanos;
    private volatile Recording recording;
    private volatile BlockingQueue<short[]> heard;
    private volatile int speechStarts, speechEnds;

    private static final class Recording {
        final short[] buf;
        int length;

        Recording(int samples) {
            buf = new short[samples];
        }
    }

    public RtpCallIo(SipCall call, Prompts prompts, boolean speechBargeIn) {
        this.call = call;
        this.prompts = prompts;
        this.speechBargeIn = new AtomicBoolean(speechBargeIn);
        call.media().addListener(this);
    }

    @Override public String callId() { return call.callId(); }

    @Override public String caller() { return call.caller(); }

    @Override public boolean ended() { return call.isEnded(); }

    @Override public SipCall sipCall() { return call; }

    @Override public void hangup() { call.hangup(); }

    @Override public void clearKeys() { keys.clear(); }

    /** The media thread: keys stop the prompt at once (barge-in) and queue up for the IVR thread. */
    @Override
    public void onDtmf(char key) {
        Playback p = playing;
        if (p != null) p.stop();
        keys.add(key);
    }

    @Override
    public void onAudio(short[] frame) {
        VadEvent e = vad.accept(frame);
        if (e == VadEvent.SPEECH_START) {
            speaking = true;
            speechStarts++;
            Playback p = playing;
            if (p != null && speechBargeIn.get()) p.stop();
        } else if (e == VadEvent.SPEECH_END) {
            speaking = false;
            speechEnds++;
        }
        BlockingQueue<short[]> h = heard;
        if (h != null) h.offer(frame.clone()); // the media engine reuses its frame: the listening thread gets its own
        if (speaking) lastSpeechNanos = System.nanoTime();
        Recording r = recording;
        if (r != null) {
            synchronized (r) {
                int n = Math.min(frame.length, r.buf.length - r.length);
                System.arraycopy(frame, 0, r.buf, r.length, n);
                r.length += n;
            }
        }
    }

    @Override
    public char play(Prompt prompt) {
        PcmAudio audio;
        try {
            audio = prompts.audio(prompt, RATE);
        } catch (SpeechUnavailableException e) {
            // the text is never logged: it may carry what the caller keyed in
            log.warn("{}: prompt {} cannot be spoken: {}", call.callId(), prompt.id() != null ? "'" + prompt.id() + "'" : "(text)", e.getMessage());
            return 0;
        }
        Character early = keys.poll();
        if (early != null) return early; // typed ahead: skip the prompt
        return playAndWatch(audio, true);
    }

    @Override
    public void play(PcmAudio audio) {
        playAndWatch(audio.at(RATE), false);
    }

    private char playAndWatch(PcmAudio audio, boolean bargeIn) {
        ensureLive();
        Playback p = call.media().play(audio.samples());
        if (bargeIn) playing = p;
        try {
            while (p.playing()) {
                Character k = bargeIn ? keys.poll(20, TimeUnit.MILLISECONDS) : null;
                if (k != null) {
                    p.stop();
                    return k;
                }
                if (!bargeIn) Thread.sleep(20);
                ensureLive();
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallEndedException();
        } finally {
            playing = null;
        }
    }

    @Override
    public char key(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                ensureLive();
                long left = until - System.nanoTime();
                if (left <= 0) return 0;
                Character k = keys.poll(Math.min(left, 50_000_000L), TimeUnit.NANOSECONDS);
                if (k != null) return k;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallEndedException();
        }
    }

    @Override
    public String digits(char first, int max, Duration timeout) {
        StringBuilder sb = new StringBuilder();
        char k = first != 0 ? first : key(timeout);
        while (k != 0 && k != '#') {
            if (Character.isDigit(k) || k == '*') sb.append(k == '*' ? 'X' : k); // '*' stands for the X of an ID number
            if (sb.length() >= max) break;
            k = key(timeout);
        }
        return sb.toString();
    }

    @Override
    public char listen(java.util.function.Consumer<short[]> sink, Duration noSpeech, Duration max) {
        BlockingQueue<short[]> q = new java.util.concurrent.LinkedBlockingQueue<>();
        int starts = speechStarts, ends = speechEnds;
        long begin = System.nanoTime();
        heard = q;
        try {
            while (true) {
                ensureLive();
                Character k = keys.poll();
                if (k != null) return k;
                short[] f = q.poll(20, TimeUnit.MILLISECONDS);
                if (f != null) sink.accept(f);
                boolean spoke = speechStarts != starts || speaking;
                long elapsed = System.nanoTime() - begin;
                if (spoke && speechEnds != ends && !speaking) break;
                if (!spoke && elapsed > noSpeech.toNanos()) break;
                if (elapsed > max.toNanos()) break;
            }
            for (short[] f; (f = q.poll()) != null; ) sink.accept(f);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallEndedException();
        } finally {
            heard = null;
        }
    }

    @Override
    public PcmAudio record(Duration max) {
        Recording r = new Recording((int) (max.toMillis() * RATE / 1000));
        keys.clear();
        lastSpeechNanos = System.nanoTime();
        recording = r;
        long until = System.nanoTime() + max.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (call.isEnded()) break; // a caller who hangs up after speaking has still left the message
                Character k = keys.poll(50, TimeUnit.MILLISECONDS);
                if (k != null && k == '#') break;
                if (!speaking && System.nanoTime() - lastSpeechNanos > SILENCE_ENDS_MESSAGE.toNanos()) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            recording = null;
        }
        synchronized (r) {
            return new PcmAudio(java.util.Arrays.copyOf(r.buf, r.length), RATE);
        }
    }

    private void ensureLive() {
        if (call.isEnded()) throw new CallEndedException();
    }
}
