package org.openhotline.telephony.ivr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.telephony.sip.CallHandler;
import org.openhotline.telephony.sip.SipCall;

/**
 * Several IVRs on one server (the 12345 and 12333 lines): each answered call goes to the IVR of the number the caller
 * dialled (the user part of the INVITE's To), any other number to the default IVR. The SIP agent's {@link CallHandler}.
 */
public final class IvrLines implements CallHandler {
    private final IvrEngine fallback;
    private final Map<String, IvrEngine> byNumber;

    /** {@code byNumber}: the called number → its IVR (may be empty); {@code fallback} answers every other number. */
    public IvrLines(IvrEngine fallback, Map<String, IvrEngine> byNumber) {
        if (fallback == null) throw new IllegalArgumentException("a default IVR is needed");
        this.fallback = fallback;
        this.byNumber = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byNumber)); // in the order configured
    }

    /**
     * "number=path/to/ivr.yml" items (the {@code telephony.ivr-lines} setting) → number → file, in order. A malformed
     * item or a number given twice is an {@link IllegalArgumentException} naming the item, so the start stops.
     */
    public static Map<String, Path> parse(List<String> items) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            String number = eq < 0 ? "" : item.substring(0, eq).strip();
            String file = eq < 0 ? "" : item.substring(eq + 1).strip();
            if (!number.matches("[0-9A-Za-z*#+._-]{1,64}") || file.isEmpty()) {
                throw new IllegalArgumentException("IVR line items are number=path/to/ivr.yml, not '" + item + "'");
            }
            if (out.put(number, Path.of(file)) != null) throw new IllegalArgumentException("IVR line number " + number + " is given twice");
        }
        return out;
    }

    @Override
    public void handle(SipCall call) {
        engineFor(call.called()).handle(call);
    }

    /** The IVR that answers calls to {@code called} (null or unlisted: the default one). */
    public IvrEngine engineFor(String called) {
        IvrEngine e = called == null ? null : byNumber.get(called);
        return e == null ? fallback : e;
    }

    /** Synthesises every IVR's fixed prompts in the background (see {@link IvrEngine#warmUp}); the threads, for tests. */
    public List<Thread> warmUp() {
        return engines().stream().map(IvrEngine::warmUp).toList();
    }

    /** Each IVR once, the default first. */
    public List<IvrEngine> engines() {
        List<IvrEngine> all = new ArrayList<>(List.of(fallback));
        byNumber.values().stream().filter(e -> !all.contains(e)).forEach(all::add);
        return all;
    }

    /** The numbers with their own IVR. */
    public Map<String, IvrEngine> lines() {
        return byNumber;
    }

    /** Every prompt with a recording id in the IVRs, the default IVR's first, by id, each id once per language (the admin page's list). */
    public List<PromptUse> prompts() {
        Map<String, PromptUse> out = new LinkedHashMap<>();
        for (IvrEngine e : engines()) {
            IvrDefinition d = e.definition();
            List<IvrPrompt> all = new ArrayList<>(IvrParser.prompts(d));
            all.removeIf(p -> p.id() == null);
            all.sort(java.util.Comparator.comparing(IvrPrompt::id)); // the nodes' map has no order of its own
            for (IvrPrompt p : all) {
                String text = p.text() == null ? null : p.source();
                out.putIfAbsent(p.id() + "@" + d.language(), new PromptUse(p.id(), text, d.language(), d.name()));
            }
        }
        return List.copyOf(out.values());
    }

    /** A prompt id an IVR uses: the text spoken without a recording (null: none), the IVR's language and name. */
    public record PromptUse(String id, String text, java.util.Locale language, String ivr) {}
}
