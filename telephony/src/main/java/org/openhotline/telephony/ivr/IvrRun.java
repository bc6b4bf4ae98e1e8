package org.openhotline.telephony.ivr;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openhotline.bot.flow.http.BusinessRequest;
import org.openhotline.bot.flow.http.BusinessResponse;
import org.openhotline.bot.flow.template.Scope;
import org.openhotline.bot.hours.DayKind;
import org.openhotline.bot.hours.ServiceKind;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.prompt.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One caller's walk through an IVR, node by node, on the call's thread; ends with a goodbye and a hang-up. */
final class IvrRun {
    private static final Logger log = LoggerFactory.getLogger(IvrRun.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_STEPS = 500;

    private final IvrDefinition ivr;
    private final IvrServices services;
    private final CallIo io;
    private final Map<String, String> vars = new LinkedHashMap<>();
    private Object result;
    private String at;

    IvrRun(IvrDefinition ivr, IvrServices services, CallIo io) {
        this.ivr = ivr;
        this.services = services;
        this.io = io;
    }

    void run() {
        at = entry(services.hours() == null ? null : services.hours().now());
        try {
            for (int step = 0; at != null && step < MAX_STEPS; step++) {
                services.events().nodeEntered(io.callId(), at);
                at = visit(ivr.node(at));
            }
            say(ivr.goodbye());
        } catch (CallEndedException gone) {
            log.debug("{}: caller left at {}", io.callId(), at);
        } finally {
            services.events().finished(io.callId(), at);
            if (!io.ended()) io.hangup();
        }
    }

    /** The entry node for this moment: the first schedule route that applies. */
    String entry(ZonedDateTime now) {
        for (IvrDefinition.Route r : ivr.schedule()) if (applies(r.when(), now)) return r.node();
        return ivr.schedule().getLast().node();
    }

    private boolean applies(IvrDefinition.When when, ZonedDateTime now) {
        if (when == IvrDefinition.When.ALWAYS) return true;
        if (services.hours() == null || now == null) return when == IvrDefinition.When.OPEN;
        var day = services.hours().day(ivr.hoursGroup(), now.withZoneSameInstant(services.hours().zone()).toLocalDate());
        return switch (when) {
            case SPECIAL -> day.kind() == DayKind.SPECIAL;
            case HOLIDAY -> day.kind() == DayKind.HOLIDAY;
            case MAKEUP_WORKDAY -> day.kind() == DayKind.MAKEUP_WORKDAY;
            case WEEKEND -> day.kind() == DayKind.WEEKEND;
            case CLOSED -> !services.hours().isOpen(ivr.hoursGroup(), ServiceKind.PHONE, now);
            case OPEN -> services.hours().isOpen(ivr.hoursGroup(), ServiceKind.PHONE, now);
            case ALWAYS -> true;
        };
    }

    private String visit(IvrNode node) {
        return switch (node) {
            case IvrNode.Menu m -> menu(m);
            case IvrNode.Say s -> {
                say(s.prompt());
                yield s.next();
            }
            case IvrNode.Input i -> input(i);
            case IvrNode.Api a -> api(a);
            case IvrNode.Transfer t -> transfer(t);
            case IvrNode.Bot b -> bot(b);
            case IvrNode.Voicemail v -> voicemail(v);
            case IvrNode.Survey s -> survey(s);
            case IvrNode.Hangup h -> {
                say(h.prompt() != null ? h.prompt() : ivr.goodbye());
                io.hangup();
                throw new CallEndedException();
            }
        };
    }

    /**
     * A key pressed over a re-prompt ("没有听到您的按键…", "输入有误…") stops it and answers the menu at once: it is the
     * caller's choice, not something to drop before saying the menu again.
     */
    private String menu(IvrNode.Menu m) {
        char typed = 0;
        for (int attempt = 0; attempt <= m.retries(); attempt++) {
            char k = typed != 0 ? typed : say(m.prompt());
            boolean retyped = typed != 0;
            typed = 0;
            if (k == 0 && !retyped && services.speech() != null && !m.phrases().isEmpty()) {
                SpokenChoice heard = SpokenChoice.listen(io, services.speech(), m);
                if (heard.next() != null) return heard.next();
                k = heard.key();
                if (k == 0 && heard.spoke()) {
                    if (attempt < m.retries()) typed = say(ivr.invalid());
                    continue;
                }
            } else if (k == 0) {
                k = io.key(m.timeout());
            }
            if (k == 0) {
                if (attempt < m.retries()) typed = say(ivr.noInput());
                continue;
            }
            services.events().keyPressed(io.callId(), m.id(), k);
            String next = m.keys().get(k);
            if (next != null) return next;
            if (attempt < m.retries()) typed = say(ivr.invalid());
        }
        return m.fallback();
    }

    /** As in {@link #menu}, a digit pressed over the re-prompt starts the next try's number. */
    private String input(IvrNode.Input in) {
        char typed = 0;
        for (int attempt = 0; attempt <= in.retries(); attempt++) {
            char first = typed != 0 ? typed : say(in.prompt());
            typed = 0;
            String digits = io.digits(first, in.maxDigits(), in.timeout());
            if (digits.length() >= in.minDigits()) {
                vars.put(in.variable(), digits);
                return in.next();
            }
            if (attempt < in.retries()) typed = say(digits.isEmpty() ? ivr.noInput() : ivr.invalid());
        }
        return in.fallback();
    }

    private String api(IvrNode.Api a) {
        BusinessResponse r;
        try {
            Scope urlScope = scope();
            URI uri = URI.create(a.url().render(urlScope, s -> URLEncoder.encode(s, StandardCharsets.UTF_8)));
            String body = null;
            if (!a.body().isEmpty()) {
                Map<String, String> b = new LinkedHashMap<>();
                a.body().forEach((k, t) -> b.put(k, t.render(urlScope)));
                body = JSON.writeValueAsString(b);
            }
            if (services.business() == null) throw new IllegalStateException("no business client");
            r = services.business().send(new BusinessRequest(a.method(), uri, Map.of(), body, a.timeout()));
        } catch (IOException | RuntimeException e) {
            r = BusinessResponse.error(0, e.getMessage());
        }
        if (r.outcome() != BusinessResponse.Outcome.OK) {
            log.info("{}: API node {} failed: {} (status {})", io.callId(), a.id(), r.outcome(), r.status()); // not the detail: it may hold the URL with an ID
            say(a.errorPrompt());
            return a.onError();
        }
        result = r.body();
        Scope s = scope();
        for (IvrNode.Api.Branch b : a.branches()) {
            if (b.when().test(s)) {
                if (b.say() != null) say(b.say());
                return b.next();
            }
        }
        return a.next();
    }

    private String transfer(IvrNode.Transfer t) {
        if (t.prompt() != null) say(t.prompt());
        if (services.transfer() == null) return t.next();
        CallTransfer.Outcome o = services.transfer().transfer(io, t.group());
        if (o == CallTransfer.Outcome.NO_AGENT) return t.next();
        if (o == CallTransfer.Outcome.TALKED && t.after() != null && !io.ended()) return t.after(); // the agent hung up first
        throw new CallEndedException();
    }

    private String bot(IvrNode.Bot b) {
        if (b.prompt() != null) say(b.prompt());
        if (services.bot() == null) return b.next();
        var group = services.bot().talk(io, b.group() != null ? b.group() : ivr.hoursGroup(), ivr.language());
        if (group.isPresent() && services.transfer() != null) {
            if (services.transfer().transfer(io, group.get()) != CallTransfer.Outcome.NO_AGENT) throw new CallEndedException();
        }
        return b.next();
    }

    private String voicemail(IvrNode.Voicemail v) {
        say(v.prompt());
        io.play(Beep.TONE);
        PcmAudio message = io.record(java.time.Duration.ofSeconds(v.maxSeconds()));
        if (message.length() > 8000 / 2 && services.messageDir() != null) {
            try {
                Files.createDirectories(services.messageDir());
                Path file = services.messageDir().resolve(safe(io.callId()) + ".wav");
                WavFiles.write(file, message);
                services.events().voiceMessage(io.callId(), io.caller(), file, message.durationMillis());
            } catch (IOException e) {
                log.warn("{}: voice message could not be saved: {}", io.callId(), e.getMessage());
            }
        }
        if (v.thanks() != null && !io.ended()) say(v.thanks());
        return v.next();
    }

    private String survey(IvrNode.Survey s) {
        char typed = 0;
        for (int attempt = 0; attempt < 2; attempt++) {
            char k = typed != 0 ? typed : say(s.prompt());
            typed = 0;
            if (k == 0) k = io.key(s.timeout());
            if (k >= '1' && k <= '5') {
                services.events().surveyScore(io.callId(), io.caller(), k - '0');
                if (s.thanks() != null) say(s.thanks());
                return s.next();
            }
            if (k != 0 && attempt == 0) typed = say(ivr.invalid());
        }
        return s.next();
    }

    private char say(IvrPrompt p) {
        Prompt prompt = p.render(scope(), ivr.language());
        if (prompt.text() == null && prompt.id() == null) return 0;
        return io.play(prompt);
    }

    private Scope scope() {
        Map<String, Object> roots = new HashMap<>();
        roots.put("vars", vars);
        roots.put("caller", Map.of("number", io.caller()));
        if (result != null) roots.put("result", result);
        return new Scope(roots, services.variables(), null);
    }

    private static String safe(String callId) {
        return callId.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
