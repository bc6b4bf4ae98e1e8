package org.openhotline.telephony.sip;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.Await;
import org.openhotline.telephony.Baresip;

/** Agents' softphones registering to the user agent: baresip and sipp on loopback against the real registrar. */
class RegistrarTest {
    private static final String PASSWORD = "agent1-secret-1";
    private SipUserAgent ua;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void peersAreThere() {
        assertTrue(Sipp.installed(), "sipp missing: apt-get install sip-tester");
        assertTrue(Baresip.installed(), "baresip missing: apt-get install baresip-core");
    }

    @AfterEach
    void stop() {
        if (ua != null) ua.close();
    }

    private Registrar start(RegistrarSettings settings) throws Exception {
        int rtpBase = 30000 + 2 * (int) (Math.random() * 10000);
        ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(rtpBase, rtpBase + 100), call -> call.ended().join());
        ua.registrar().addListener(new RegistrationListener() {
            public void registered(Binding b) { events.add("registered " + b.user()); }
            public void unregistered(Binding b, String why) { events.add(why + " " + b.user()); }
        });
        if (settings != null) {
            ua.registrar().enable((user, realm) -> user.equals("agent1") ? Optional.of(DigestAuth.ha1("agent1", realm, PASSWORD))
                    : Optional.empty(), settings);
        }
        return ua.registrar();
    }

    private Sipp.Result sipp(String scenario, int expires) throws Exception {
        return sipp(scenario, expires, "[local_ip]:[local_port]");
    }

    /** {@code contact}: the host:port the phone writes into its Contact. */
    private Sipp.Result sipp(String scenario, int expires, String contact) throws Exception {
        return Sipp.once(scenario, ua.port(), "u1", Map.of("PASSWORD", PASSWORD, "EXPIRES", String.valueOf(expires), "CONTACT", contact));
    }

    @Test
    void baresipRegistersWithItsPasswordAndACallDialledToItsContactIsAnswered() throws Exception {
        Registrar registrar = start(RegistrarSettings.defaults());
        try (Baresip phone = Baresip.registering(dir.resolve("udp"), 440, "agent1", PASSWORD, ua.port(), "udp", 600)) {
            Await.until(() -> registrar.contact("agent1").isPresent(), "baresip registered");
            Binding b = registrar.bindings().getFirst();
            assertEquals("udp", b.transport());
            assertTrue(b.userAgent().toLowerCase().contains("baresip"), b.userAgent());
            assertTrue(b.expiresIn(java.time.Instant.now()) > 500, "granted what it asked for: " + b);
            assertEquals(List.of("registered agent1"), events);
            SipCall call = ua.dial(registrar.contact("agent1").orElseThrow(), "12345", Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            assertTrue(call.answered(), "baresip auto-answered");
            call.hangup();
            Await.until(() -> phone.logContains("Call established"), "baresip answered our call");
        }
    }

    @Test
    void overTcpTheContactToDialSaysTcpAndTheCallGoesThrough() throws Exception {
        Registrar registrar = start(RegistrarSettings.defaults());
        try (Baresip phone = Baresip.registering(dir.resolve("tcp"), 440, "agent1", PASSWORD, ua.port(), "tcp", 600)) {
            Await.until(() -> registrar.contact("agent1").isPresent(), "baresip registered over TCP");
            String uri = registrar.contact("agent1").orElseThrow();
            assertTrue(uri.contains("transport=tcp"), uri);
            SipCall call = ua.dial(uri, "12345", Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            assertTrue(call.answered());
            call.hangup();
        }
    }

    @Test
    void aWrongPasswordGets403AndNoBinding() throws Exception {
        Registrar registrar = start(RegistrarSettings.defaults());
        try (Baresip phone = Baresip.registering(dir.resolve("wrong"), 440, "agent1", "not-the-password", ua.port(), "udp", 600)) {
            Await.until(() -> phone.logContains("403"), "baresip was refused (403)");
            assertEquals(List.of(), registrar.bindings());
            assertEquals(Optional.empty(), registrar.contact("agent1"));
        }
    }

    @Test
    void sippRegistersAsksForItsBindingsAndUnregisters() throws Exception {
        Registrar registrar = start(RegistrarSettings.defaults());
        Sipp.Result r = sipp("register.xml", 120);
        assertTrue(r.ok(), r.output());
        Binding b = registrar.bindings().getFirst();
        assertEquals("sipp-phone", b.userAgent());
        assertNull(b.received(), "the Contact was where the REGISTER came from");
        assertTrue(b.expiresIn(java.time.Instant.now()) <= 120 && b.expiresIn(java.time.Instant.now()) > 100, b.toString());

        r = sipp("unregister.xml", 120);
        assertTrue(r.ok(), r.output());
        // a second sipp (another port) registered and removed its own binding; the first one's is still there
        assertEquals(List.of(b.contact()), registrar.bindings().stream().map(Binding::contact).toList());

        r = sipp("unregister-all.xml", 120);
        assertTrue(r.ok(), r.output());
        assertEquals(List.of(), registrar.bindings(), "Contact: * removed them all");
        assertTrue(events.contains("unregistered agent1"), events.toString());
    }

    @Test
    void tooBriefAnIntervalGets423AndALongOneIsCutToTheMaximum() throws Exception {
        Registrar registrar = start(RegistrarSettings.defaults().withExpires(Duration.ofSeconds(60), Duration.ofSeconds(300)));
        Sipp.Result r = sipp("too-brief.xml", 1);
        assertTrue(r.ok(), r.output());
        assertEquals(List.of(), registrar.bindings());
        r = sipp("register.xml", 86400);
        assertTrue(r.ok(), r.output());
        assertTrue(registrar.bindings().getFirst().expiresIn(java.time.Instant.now()) <= 300);
    }

    @Test
    void brokenAuthorizationHeadersAreAnsweredAndTheRegistrarLivesOn() throws Exception {
        Registrar registrar = start(RegistrarSettings.defaults());
        Sipp.Result r = sipp("bad-authorization.xml", 60);
        assertTrue(r.ok(), r.output());
        assertEquals(List.of(), registrar.bindings());
        r = sipp("register.xml", 60);
        assertTrue(r.ok(), r.output());
        assertEquals(1, registrar.bindings().size());
    }

    @Test
    void aBindingThatIsNotRefreshedExpires() throws Exception {
        Registrar registrar = start(RegistrarSettings.defaults().withExpires(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        Sipp.Result r = sipp("register.xml", 4); // long enough to still be there when sipp is done on a loaded machine
        assertTrue(r.ok(), r.output());
        assertTrue(registrar.contact("agent1").isPresent());
        Await.until(() -> events.contains("expired agent1"), "the binding expired");
        assertEquals(List.of(), registrar.bindings());
        assertEquals(Optional.empty(), registrar.contact("agent1"));
    }

    @Test
    void repeatedWrongPasswordsLockTheUserOutFromThatAddressEvenWithTheRightOne() throws Exception {
        Registrar registrar = start(new RegistrarSettings("openhotline", Duration.ofSeconds(60), Duration.ofSeconds(3600),
                Duration.ofMinutes(5), 3, Duration.ofMinutes(5)));
        for (int i = 0; i < 3; i++) {
            Sipp.Result r = Sipp.once("refused-after-challenge.xml", ua.port(), "u1", Map.of("PASSWORD", "guess-" + i, "CONTACT", "[local_ip]:[local_port]"));
            assertTrue(r.ok(), r.output());
        }
        // locked out: refused before any challenge, so not even the right password gets a chance
        Sipp.Result r = sipp("refused.xml", 60);
        assertTrue(r.ok(), r.output());
        assertEquals(List.of(), registrar.bindings());
    }

    @Test
    void aPhoneBehindNatIsDialledWhereItsRegisterCameFrom() throws Exception {
        Registrar registrar = start(RegistrarSettings.defaults());
        Sipp.Result r = sipp("register.xml", 60, "192.168.7.20:5062");
        assertTrue(r.ok(), r.output());
        Binding b = registrar.bindings().getFirst();
        assertEquals("sip:agent1@192.168.7.20:5062", b.contact(), "the 200 and Expires 0 still match what the phone wrote");
        assertTrue(b.received().startsWith("127.0.0.1:"), b.toString());
        assertEquals("sip:agent1@" + b.received(), b.dialUri());
    }

    @Test
    void withoutCredentialsTheRegistrarIsOff() throws Exception {
        Registrar registrar = start(null);
        Sipp.Result r = sipp("refused.xml", 60);
        assertTrue(r.ok(), r.output());
        assertFalse(registrar.enabled());
        assertEquals(List.of(), registrar.bindings());
    }

    /** An authenticated phone changing its contact every time (or a buggy one) must not grow the table without limit. */
    @Test
    void aUsersBindingsAreCappedAndTheSoonestExpiringGoesFirst() throws Exception {
        Registrar r = start(RegistrarSettings.defaults());
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < 1000; i++) {
            String contact = "sip:agent1@10.0.0." + (i % 250) + ":" + (5060 + i);
            r.put(new Binding("agent1", contact, contact, "udp", null, now.plusSeconds(600 + i), "", "c" + i, 1));
        }
        assertEquals(Registrar.MAX_BINDINGS_PER_USER, r.current("agent1").size());
        assertTrue(r.contact("agent1").orElseThrow().endsWith(":" + (5060 + 999)), "the newest phone is still dialled");
        assertTrue(events.contains("replaced agent1"), events.toString());
    }
}
