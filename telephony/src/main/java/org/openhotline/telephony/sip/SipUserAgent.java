package org.openhotline.telephony.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openhotline.telephony.rtp.MediaEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP user agent on JAIN-SIP, UDP and TCP on one port: answers INVITEs (ringing first when configured),
 * negotiates G.711 and telephone-event, follows re-INVITE / UPDATE holds and session timers, takes DTMF from
 * SIP INFO, takes the phones' transfer key (REFER, {@link Refer}), ends calls on BYE / CANCEL, and places calls for the bridge ({@link Dialer}). Each answered call
 * is handed to the {@link CallHandler} on its own virtual thread once the caller's ACK arrives. A request the
 * stack cannot parse is dropped by the stack; one that makes our code throw is answered 500 and logged.
 */
public final class SipUserAgent implements SipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipUserAgent.class);
    private static final AtomicLong STACKS = new AtomicLong();

    private final SipSettings settings;
    private final SipStack stack;
    private final SipProvider provider;
    private final SipMessages msg;
    private final MediaEngine media;
    private final ScheduledExecutorService timers;
    private final Map<String, SipCall> calls = new ConcurrentHashMap<>();
    private final InboundCalls inbound;
    private final Dialer dialer;
    private final Transfers transfers;
    private final Registration registration;
    private final Registrar registrar;
    private final int port;
    private final AnswerTimes answerTimes = new AnswerTimes(100_000);
    private final java.util.Set<String> failuresLogged = ConcurrentHashMap.newKeySet();

    private SipUserAgent(SipSettings settings, CallHandler handler) throws Exception {
        this.settings = settings;
        this.port = settings.port() == 0 ? freePort(settings.host()) : settings.port();
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "openhotline-" + port + "-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        stack = factory.createSipStack(p);
        SipProvider prov = null;
        for (String transport : SipMessages.transports(settings)) {
            ListeningPoint lp = stack.createListeningPoint(settings.host(), port, transport);
            if (prov == null) prov = stack.createSipProvider(lp);
            else prov.addListeningPoint(lp);
        }
        provider = prov;
        msg = new SipMessages(factory.createAddressFactory(), factory.createHeaderFactory(), factory.createMessageFactory(),
                settings.host(), port, settings.user(), settings.userAgent());
        media = new MediaEngine(InetAddress.getByName(settings.host()), settings.rtpPortMin(), settings.rtpPortMax());
        timers = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("sip-timers").daemon().unstarted(r));
        inbound = new InboundCalls(this, handler);
        dialer = new Dialer(this);
        transfers = new Transfers(this);
        registration = settings.registrar().isEmpty() ? null : new Registration(this, stack);
        registrar = new Registrar(this, java.time.Clock.systemUTC());
        provider.addSipListener(this);
        if (registration != null) registration.start();
    }

    /** Starts listening; port 0 in the settings picks a free port (tests). */
    public static SipUserAgent start(SipSettings settings, CallHandler handler) throws Exception {
        SipUserAgent ua = new SipUserAgent(settings, handler);
        log.info("SIP listening on {}:{} ({}){}", settings.host(), ua.port, String.join("+", SipMessages.transports(settings)),
                settings.registrar().isEmpty() ? ", accepting calls directly" : ", registering at " + settings.registrar());
        return ua;
    }

    public int port() { return port; }

    /** Replaces what answered calls are handed to (the bridge needs the agent before the IVR can be built). */
    public void handler(CallHandler h) { inbound.handler = h; }

    public SipSettings settings() { return settings; }

    public MediaEngine mediaEngine() { return media; }

    /** Calls in progress (ringing or answered), inbound and outbound. */
    public int activeCalls() { return calls.size(); }

    /** True once the registrar has accepted us (always false without one). */
    public boolean registered() { return registration != null && registration.registered(); }

    /** The registrar agents' softphones register to; off (REGISTER refused) until {@link Registrar#enable}. */
    public Registrar registrar() { return registrar; }

    /** Places a call to a SIP URI (an agent's phone); completes when it is answered, fails when refused or unanswered. */
    public CompletableFuture<SipCall> dial(String uri, String fromUser, Duration ringTimeout) {
        return dialer.dial(uri, fromUser, ringTimeout);
    }

    /** INVITE received → 200 OK sent, per answered call (ringing included when configured). */
    public AnswerTimes answerTimes() { return answerTimes; }

    SipProvider provider() { return provider; }
    SipMessages messages() { return msg; }
    ScheduledExecutorService timers() { return timers; }
    Map<String, SipCall> calls() { return calls; }
    MediaEngine media() { return media; }

    @Override
    public void processRequest(RequestEvent evt) {
        Request req = evt.getRequest();
        ServerTransaction st = null;
        try {
            if (Request.ACK.equals(req.getMethod())) {
                inbound.ack(req);
                return;
            }
            st = serverTransaction(evt);
            if (st == null) return; // a retransmission the stack's transaction already handles
            switch (req.getMethod()) {
                case Request.INVITE -> inbound.invite(st, req);
                case Request.BYE -> inbound.bye(st, req);
                case Request.CANCEL -> inbound.cancel(st, req);
                case Request.UPDATE -> inbound.update(st, req);
                case Request.INFO -> inbound.info(st, req);
                case Request.REFER -> transfers.refer(st, req);
                case Request.REGISTER -> registrar.register(st, req);
                case Request.OPTIONS -> st.sendResponse(msg.response(200, req, SipMessages.newTag()));
                default -> st.sendResponse(msg.response(405, req, SipMessages.newTag()));
            }
        } catch (Exception e) {
            // logged once per kind of failure (a flood of one broken request is one line), the caller masked
            if (failuresLogged.size() < 1000 && failuresLogged.add(req.getMethod() + " " + e.getClass().getName()))
                log.warn("SIP {} from {} failed: {} (further ones like it are not logged)", req.getMethod(), Masked.number(SipMessages.fromUser(req)), e.toString());
            log.debug("SIP request failure", e);
            try {
                if (st != null) st.sendResponse(msg.response(500, req, null));
            } catch (Exception ignored) {
                // the transaction may already have answered
            }
        }
    }

    private ServerTransaction serverTransaction(RequestEvent evt) throws Exception {
        if (evt.getServerTransaction() != null) return evt.getServerTransaction();
        try {
            return provider.getNewServerTransaction(evt.getRequest());
        } catch (TransactionAlreadyExistsException retransmission) {
            return null;
        }
    }

    @Override
    public void processResponse(ResponseEvent evt) {
        Response r = evt.getResponse();
        try {
            String method = ((javax.sip.header.CSeqHeader) r.getHeader(javax.sip.header.CSeqHeader.NAME)).getMethod();
            if (Request.INVITE.equals(method)) dialer.response(evt);
            else if (Request.REGISTER.equals(method) && registration != null) registration.response(evt);
        } catch (Exception e) {
            log.warn("SIP response {} failed: {}", r.getStatusCode(), e.toString());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent evt) {
        ClientTransaction ct = evt.getClientTransaction();
        if (ct == null) return;
        String method = ct.getRequest().getMethod();
        if (Request.INVITE.equals(method)) dialer.timeout(ct);
        else if (Request.REGISTER.equals(method) && registration != null) registration.failed("timeout");
    }

    @Override
    public void processIOException(IOExceptionEvent evt) {
        log.debug("SIP transport error to {}:{} ({})", evt.getHost(), evt.getPort(), evt.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent evt) {}

    @Override
    public void processDialogTerminated(DialogTerminatedEvent evt) {
        Dialog d = evt.getDialog();
        SipCall call = d == null || d.getCallId() == null ? null : calls.get(d.getCallId().getCallId());
        if (call != null && call.dialog == d) end(call, SipCall.End.FAILED);
    }

    /** Removes the call and releases its media; the one place a call ends. */
    void end(SipCall call, SipCall.End why) {
        if (calls.remove(call.callId(), call) || !call.isEnded()) {
            call.finish(why);
            log.debug("{} ended: {}", call, why);
        }
    }

    /**
     * Sends the BYE (or CANCEL / 480) under the call's lock, then ends the call outside it: ending runs the
     * {@code ended()} callbacks (the bridge), which take their own locks and may hang up other legs — under our lock
     * that ordering deadlocked against a bridge closing its legs while the agent shut down.
     */
    void hangup(SipCall call, SipCall.End why) {
        SipCall.End ending = why;
        synchronized (call) {
            if (call.isEnded() || call.hangingUp) return;
            call.hangingUp = true;
            try {
                if (!call.answered()) {
                    if (call.inbound()) call.invite.sendResponse(msg.response(480, call.invite.getRequest(), call.toTag));
                    else dialer.cancel(call);
                    ending = SipCall.End.REJECTED;
                } else {
                    Request bye = call.dialog.createRequest(Request.BYE);
                    ClientTransaction ct = provider.getNewClientTransaction(bye);
                    call.dialog.sendRequest(ct);
                }
            } catch (Exception e) {
                log.debug("hanging up {}: {}", call, e.toString());
            }
        }
        end(call, ending);
    }

    static String callId(Request r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static int freePort(String host) throws IOException {
        InetAddress addr = InetAddress.getByName(host);
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(addr, 0))) {
                int p = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(p, 50, addr)) {
                    return p;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port for SIP on " + host);
    }

    @Override
    public void close() {
        if (registration != null) registration.stop();
        for (SipCall c : calls.values()) hangup(c, SipCall.End.LOCAL_HANGUP);
        timers.shutdownNow();
        media.close();
        provider.removeSipListener(this);
        stack.stop();
    }
}
