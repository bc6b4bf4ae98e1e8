package org.openhotline.telephony.rtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All calls' RTP on two threads, whatever the number of calls: one selector reads every port, one clock sends
 * and plays a 20 ms frame per call per tick (fixed-rate, so a late tick is caught up rather than drifting).
 */
public final class MediaEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);

    private final InetAddress bindAddress;
    private final int portMin, portMax;
    private final AtomicInteger nextPort;
    private final Selector selector;
    private final Thread io;
    private final ScheduledExecutorService clock;
    private final Set<RtpSession> sessions = ConcurrentHashMap.newKeySet();
    private final Queue<RtpSession> toRegister = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private volatile InbandDtmf inbandDtmf = InbandDtmf.AUTO;

    /** Ports are taken as even/odd RTP/RTCP pairs from {@code portMin..portMax}. */
    public MediaEngine(InetAddress bindAddress, int portMin, int portMax) {
        if (portMin < 1024 || portMax <= portMin + 2) throw new IllegalArgumentException("bad RTP port range " + portMin + "-" + portMax);
        this.bindAddress = bindAddress;
        this.portMin = portMin + (portMin & 1);
        this.portMax = portMax;
        this.nextPort = new AtomicInteger(this.portMin + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt((portMax - this.portMin) / 2));
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        io = Thread.ofPlatform().name("rtp-io").daemon().start(this::loop);
        clock = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("rtp-clock").daemon().priority(Thread.MAX_PRIORITY).unstarted(r));
        clock.scheduleAtFixedRate(this::tickAll, 20, 20, TimeUnit.MILLISECONDS);
    }

    /** A new session on a free port pair; {@link RtpSession#close()} gives the ports back. */
    public RtpSession open() throws IOException {
        int span = (portMax - portMin) / 2;
        for (int attempt = 0; attempt < span; attempt++) {
            int port = nextPort.getAndAdd(2);
            if (port + 1 > portMax) {
                nextPort.set(portMin);
                port = nextPort.getAndAdd(2);
            }
            DatagramChannel rtp = null, rtcp = null;
            try {
                rtp = DatagramChannel.open().bind(new InetSocketAddress(bindAddress, port));
                rtcp = DatagramChannel.open().bind(new InetSocketAddress(bindAddress, port + 1));
                rtp.configureBlocking(false);
                rtcp.configureBlocking(false);
                RtpSession s = new RtpSession(this, rtp, rtcp, port);
                sessions.add(s);
                toRegister.add(s);
                selector.wakeup();
                return s;
            } catch (IOException busy) {
                if (rtp != null) rtp.close();
                if (rtcp != null) rtcp.close();
            }
        }
        throw new IOException("no free RTP port pair in " + portMin + "-" + portMax);
    }

    /** Whether tones in callers' audio count as keys, for the sessions opened from now on. */
    public void inbandDtmf(InbandDtmf mode) {
        this.inbandDtmf = mode;
    }

    InbandDtmf inbandDtmf() {
        return inbandDtmf;
    }

    public int activeSessions() {
        return sessions.size();
    }

    void release(RtpSession s) {
        sessions.remove(s);
        try {
            s.rtp.close();
            s.rtcp.close();
        } catch (IOException e) {
            log.debug("closing RTP ports {}: {}", s.localPort(), e.toString());
        }
        selector.wakeup();
    }

    private void tickAll() {
        for (RtpSession s : sessions) {
            try {
                s.tick();
            } catch (RuntimeException e) {
                // a listener's bug must not stop every call's clock
                log.warn("media tick failed on port {}", s.localPort(), e);
            }
        }
    }

    private void loop() {
        ByteBuffer buf = ByteBuffer.allocateDirect(2048);
        // select(Consumer) hands ready keys over without the selected-key set, whose entries cost a node per packet
        java.util.function.Consumer<SelectionKey> ready = key -> read(key, buf);
        while (running) {
            try {
                RtpSession s;
                while ((s = toRegister.poll()) != null) {
                    if (s.isClosed()) continue;
                    s.rtp.register(selector, SelectionKey.OP_READ, s);
                    s.rtcp.register(selector, SelectionKey.OP_READ, s);
                }
                selector.select(ready, 500);
            } catch (IOException | RuntimeException e) {
                if (running) log.warn("RTP selector loop", e);
            }
        }
    }

    private void read(SelectionKey key, ByteBuffer buf) {
        if (!key.isValid()) return;
        RtpSession session = (RtpSession) key.attachment();
        DatagramChannel ch = (DatagramChannel) key.channel();
        SocketAddress from;
        while (running && ch.isOpen() && (from = receive(ch, buf)) != null) {
            buf.flip();
            try {
                if (ch == session.rtp) session.receive(buf, from);
                else session.receiveRtcp();
            } catch (RuntimeException e) { // a packet no check foresaw is dropped like any malformed one; the loop goes on
                session.dropMalformed(from, e.toString());
            }
        }
    }

    private static SocketAddress receive(DatagramChannel ch, ByteBuffer buf) {
        buf.clear();
        try {
            return ch.receive(buf);
        } catch (IOException e) {
            return null; // ICMP port unreachable and the like: the next packet will tell
        }
    }

    @Override
    public void close() {
        running = false;
        clock.shutdownNow();
        for (RtpSession s : sessions) s.close();
        selector.wakeup();
        try {
            io.join(2000);
            selector.close();
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
        }
    }
}
