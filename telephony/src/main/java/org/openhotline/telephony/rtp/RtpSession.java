package org.openhotline.telephony.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.openhotline.voice.codec.G711;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media of one call leg: an RTP/RTCP port pair, the jitter buffer on the way in, prompts, a live feed
 * (the other leg of a bridge) and RFC 4733 keys on the way out. It owns no thread: the {@link MediaEngine}'s
 * selector delivers packets to {@link #receive} and its 20 ms clock calls {@link #tick}.
 */
public final class RtpSession implements AutoCloseable {
    private static final int COMFORT_NOISE = 13;
    private static final Logger log = LoggerFactory.getLogger(RtpSession.class);
    public static final int FRAME = 160;
    private static final short[] SILENCE = new short[FRAME];
    private static final int DTMF_FRAMES = 5;          // 100 ms of tone per key sent
    private static final long ACTIVE_NANOS = 40_000_000L;

    final DatagramChannel rtp;
    final DatagramChannel rtcp;
    private final MediaEngine engine;
    private final int localPort;
    private final long ssrc = ThreadLocalRandom.current().nextLong(1, 0xFFFFFFFFL);
    private final JitterBuffer jitter = new JitterBuffer(3, 50);
    private final CallKeys keys;
    private volatile MediaListener[] listeners = {};
    private final Queue<Character> dtmfOut = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ByteBuffer outBuf = ByteBuffer.allocateDirect(1500);
    private final short[] outFrame = new short[FRAME];
    private final byte[] outPayload = new byte[FRAME];
    private final RtpHeader header = new RtpHeader();       // the selector thread's, reused for every packet
    private final byte[] eventBytes = new byte[4];          // the selector thread's: an RFC 4733 payload
    private short[] inFrame = new short[FRAME];             // the clock thread's: the frame handed to listeners

    private volatile InetSocketAddress remote;
    private volatile InetSocketAddress remoteRtcp;
    private volatile G711.Law law = G711.Law.ULAW;
    private volatile int dtmfPayloadType = 101;
    private volatile boolean sending = true;
    private volatile Playback playback;
    private volatile FrameSource source;
    private volatile long lastAudioNanos;
    /** Reset by every (re-)negotiation, so a refresh that names a private address does not undo the NAT latch for good. */
    private volatile boolean latched;

    // outgoing state, touched only by the clock thread
    private int seq = ThreadLocalRandom.current().nextInt(0x10000);
    private long timestamp = ThreadLocalRandom.current().nextLong(0x100000000L);
    private char dtmfKey;
    private int dtmfFrame = -1;
    private long dtmfTimestamp;
    private long ticks;
    // incoming DTMF de-duplication, touched only by the selector thread
    private long lastEventTimestamp = -1;
    private int lastEvent = -1;
    private boolean lastEventEnded;

    private final LongAdder packetsIn = new LongAdder(), packetsOut = new LongAdder(), dtmfIn = new LongAdder(),
            dtmfSent = new LongAdder(), malformed = new LongAdder(), rtcpIn = new LongAdder(), rtcpOut = new LongAdder();
    private final AtomicBoolean malformedLogged = new AtomicBoolean();

    RtpSession(MediaEngine engine, DatagramChannel rtp, DatagramChannel rtcp, int localPort) {
        this.engine = engine;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.localPort = localPort;
        this.keys = new CallKeys(engine.inbandDtmf());
    }

    public int localPort() {
        return localPort;
    }

    /** Where to send, the codec and the telephone-event payload type the offer/answer settled on. */
    public void connect(InetSocketAddress remoteRtp, G711.Law law, int dtmfPayloadType) {
        this.remote = remoteRtp;
        this.remoteRtcp = new InetSocketAddress(remoteRtp.getAddress(), remoteRtp.getPort() + 1);
        this.law = law;
        this.dtmfPayloadType = dtmfPayloadType;
        this.latched = false;
    }

    /** Hold: stop or resume sending (receiving goes on, so a caller on hold can still be heard when they speak). */
    public void sending(boolean on) {
        this.sending = on;
    }

    public boolean sending() {
        return sending;
    }

    public G711.Law law() {
        return law;
    }

    public synchronized void addListener(MediaListener l) {
        MediaListener[] now = Arrays.copyOf(listeners, listeners.length + 1);
        now[now.length - 1] = l;
        listeners = now;
    }

    public synchronized void removeListener(MediaListener l) {
        MediaListener[] now = listeners;
        for (int i = 0; i < now.length; i++) {
            if (now[i] == l) {
                MediaListener[] less = new MediaListener[now.length - 1];
                System.arraycopy(now, 0, less, 0, i);
                System.arraycopy(now, i + 1, less, i, now.length - i - 1);
                listeners = less;
                return;
            }
        }
    }

    /** Plays 8 kHz audio from the next tick on, stopping whatever prompt was playing. */
    public Playback play(short[] pcm8k) {
        Playback p = new Playback(pcm8k);
        Playback old = playback;
        playback = p;
        if (old != null) old.stop();
        return p;
    }

    /** Stops the prompt (barge-in). */
    public void stopPlayback() {
        Playback p = playback;
        if (p != null) p.stop();
    }

    /** Live audio (a bridge, a conference) played whenever no prompt is; null for silence. */
    public void source(FrameSource s) {
        this.source = s;
    }

    /** Sends a key as RFC 4733 events (keys queue up and go one after the other). */
    public void sendDtmf(char key) {
        if (!DtmfEvent.isKey(key)) throw new IllegalArgumentException("not a DTMF key: " + key);
        dtmfOut.add(key);
    }

    /** A key that arrived in signalling (SIP INFO) rather than in the media. */
    public void injectDtmf(char key) {
        key(key, false);
    }

    /** Every key, whatever its source, once per press (see {@link CallKeys}). */
    private void key(char key, boolean inband) {
        if (!keys.isNew(key, inband)) return;
        dtmfIn.increment();
        for (MediaListener l : listeners) l.onDtmf(key);
    }

    public MediaStats stats() {
        synchronized (jitter) {
            return new MediaStats(packetsIn.sum(), packetsOut.sum(), dtmfIn.sum(), dtmfSent.sum(), jitter.underruns(),
                    jitter.lost(), jitter.late(), malformed.sum(), rtcpIn.sum(), rtcpOut.sum());
        }
    }

    /** Called by the selector thread for each datagram on the RTP port; allocates nothing for audio. */
    void receive(ByteBuffer data, SocketAddress from) {
        RtpHeader p = header;
        if (!p.read(data)) {
            dropMalformed(from, "not RTP");
            return;
        }
        if (!latched && from instanceof InetSocketAddress isa) {
            // symmetric RTP: answer where the caller's packets come from (NAT), not only where the SDP said
            latched = true;
            if (!isa.equals(remote)) {
                remote = isa;
                remoteRtcp = new InetSocketAddress(isa.getAddress(), isa.getPort() + 1);
            }
        } else if (latched && !from.equals(remote)) {
            // once latched, only the caller's address is heard: a stray or forged stream would scramble the jitter buffer
            dropMalformed(from, "not from the caller's address");
            return;
        }
        packetsIn.increment();
        if (p.payloadType == dtmfPayloadType) {
            receiveEvent(data, p, from);
            return;
        }
        if (p.payloadType == COMFORT_NOISE) return; // RFC 3389 during the caller's silence: nothing to play, not an error
        if (p.payloadType != G711.Law.ULAW.payloadType && p.payloadType != G711.Law.ALAW.payloadType) {
            dropMalformed(from, "payload type " + p.payloadType);
            return;
        }
        lastAudioNanos = System.nanoTime();
        // the payload type travels with the frame as its tag so a codec change mid-call decodes correctly
        synchronized (jitter) {
            jitter.put(p.sequence, data, p.payloadOffset, p.payloadLength, p.payloadType == G711.Law.ALAW.payloadType ? 1 : 0);
        }
    }

    private void receiveEvent(ByteBuffer data, RtpHeader p, SocketAddress from) {
        if (p.payloadLength < eventBytes.length) {
            dropMalformed(from, "bad telephone-event");
            return;
        }
        data.get(p.payloadOffset, eventBytes);
        DtmfEvent e = DtmfEvent.parse(eventBytes).orElse(null);
        if (e == null) {
            dropMalformed(from, "bad telephone-event");
            return;
        }
        // one press is many packets with one timestamp; a new timestamp, key, or a start after an end is the next press
        boolean next = p.timestamp != lastEventTimestamp || e.event() != lastEvent || (lastEventEnded && !e.end());
        lastEventTimestamp = p.timestamp;
        lastEvent = e.event();
        lastEventEnded = e.end();
        if (next) key(e.key(), false);
    }

    void receiveRtcp() {
        rtcpIn.increment();
    }

    void dropMalformed(SocketAddress from, String why) {
        malformed.increment();
        if (malformedLogged.compareAndSet(false, true))
            log.warn("dropped a malformed RTP packet on port {} from {} ({}); further ones on this call are only counted", localPort, from, why);
    }

    /** One 20 ms step: send a frame (or a key event) and hand the next received frame to the listeners. */
    void tick() {
        if (closed.get()) return;
        ticks++;
        sendOne();
        short[] frame = SILENCE;
        synchronized (jitter) {
            JitterBuffer.Slot in = jitter.poll(System.nanoTime() - lastAudioNanos < ACTIVE_NANOS);
            if (in != null) {
                if (inFrame.length != in.length()) inFrame = new short[in.length()]; // only when the caller's packet size changes
                G711.decode(in.tag() == 1 ? G711.Law.ALAW : G711.Law.ULAW, in.data(), 0, in.length(), inFrame);
                frame = inFrame;
            }
        }
        for (MediaListener l : listeners) l.onAudio(frame);
        if (frame != SILENCE && keys.listening()) {
            var tones = keys.tones(frame);
            if (!tones.isEmpty()) for (var digit : tones) key(digit.symbol(), true);
        }
        if (ticks % 250 == 0) sendRtcpReport();
    }

    private void sendOne() {
        short[] frame = SILENCE;
        Playback p = playback;
        if (p != null && p.next(outFrame)) frame = outFrame;
        else {
            FrameSource src = source;
            short[] f = src == null ? null : src.next();
            if (f != null && f.length == FRAME) frame = f;
        }
        InetSocketAddress to = remote;
        if (to != null && sending) {
            if (dtmfFrame >= 0 || !dtmfOut.isEmpty()) sendDtmfFrame(to);
            else {
                G711.encode(law, frame, 0, FRAME, outPayload);
                send(to, law.payloadType, false, seq, timestamp, outPayload, FRAME);
            }
        }
        seq = (seq + 1) & 0xFFFF;
        timestamp = (timestamp + FRAME) & 0xFFFFFFFFL;
        for (MediaListener l : listeners) l.onSent(frame);
    }

    private void sendDtmfFrame(InetSocketAddress to) {
        if (dtmfFrame < 0) {
            dtmfKey = dtmfOut.poll();
            dtmfFrame = 0;
            dtmfTimestamp = timestamp;
            dtmfSent.increment();
        }
        dtmfFrame++;
        boolean end = dtmfFrame >= DTMF_FRAMES;
        byte[] payload = DtmfEvent.of(dtmfKey, end, dtmfFrame * FRAME).bytes();
        int copies = end ? 3 : 1; // the end packet is sent three times (RFC 4733 2.5.1.4)
        for (int i = 0; i < copies; i++)
            send(to, dtmfPayloadType, dtmfFrame == 1, (seq + i) & 0xFFFF, dtmfTimestamp, payload, payload.length);
        if (end) {
            seq = (seq + copies - 1) & 0xFFFF;
            dtmfFrame = -1;
        }
    }

    private void send(InetSocketAddress to, int payloadType, boolean marker, int sequence, long ts, byte[] payload, int length) {
        try {
            RtpPacket.write(outBuf, payloadType, marker, sequence, ts, ssrc, payload, length);
            rtp.send(outBuf, to);
            packetsOut.increment();
        } catch (IOException e) {
            if (!closed.get()) log.debug("RTP send to {} failed: {}", to, e.toString());
        }
    }

    private void sendRtcpReport() {
        InetSocketAddress to = remoteRtcp;
        if (to == null || rtcp == null || !sending) return;
        ByteBuffer b = ByteBuffer.allocate(28);
        long now = System.currentTimeMillis();
        long ntpSec = now / 1000 + 2208988800L;
        long ntpFrac = ((now % 1000) << 32) / 1000;
        b.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt((int) ssrc)
                .putInt((int) ntpSec).putInt((int) ntpFrac).putInt((int) timestamp)
                .putInt((int) packetsOut.sum()).putInt((int) (packetsOut.sum() * FRAME));
        b.flip();
        try {
            rtcp.send(b, to);
            rtcpOut.increment();
        } catch (IOException e) {
            log.debug("RTCP send to {} failed: {}", to, e.toString());
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        stopPlayback();
        engine.release(this);
    }
}
