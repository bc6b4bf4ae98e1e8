package org.openhotline.telephony.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IVR's walk over a scripted caller: what a key pressed at each moment leads to. */
class IvrRunTest {
    private static final String IVR = """
            name: t
            language: en
            schedule:
              - {when: always, node: main}
            texts: {invalid: Wrong key., no-input: Nothing pressed., goodbye: Bye.}
            nodes:
              main:
                type: menu
                prompt: Press one.
                retries: 1
                fallback: fallback
                choices: {"1": number}
              number:
                type: input
                prompt: Your number and hash.
                variable: id
                min-digits: 3
                max-digits: 8
                retries: 1
                next: survey
                fallback: fallback
              survey:
                type: survey
                prompt: Rate us one to five.
                next: done
              done: {type: hangup}
              fallback: {type: hangup}
            """;

    private final NodeTrail trail = new NodeTrail();

    private void walk(ScriptedCallIo caller) throws Exception {
        IvrDefinition ivr = IvrParser.read(new ByteArrayInputStream(IVR.getBytes(StandardCharsets.UTF_8)), "t.yml");
        new IvrRun(ivr, new IvrServices(null, null, Map.of(), null, null, null, trail), caller).run();
    }

    @Test
    void aKeyPressedOverTheNothingPressedPromptAnswersTheMenu() throws Exception {
        walk(new ScriptedCallIo().pressWhenAsked("_").pressDuring("Nothing pressed.", '1').pressWhenAsked("123#").pressDuring("Rate us one to five.", '5'));
        assertEquals(List.of("main", "number", "survey", "done"), trail.visited(), "not the fallback: the key over the re-prompt counted");
    }

    @Test
    void aKeyPressedOverTheWrongKeyPromptIsTheNextChoice() throws Exception {
        walk(new ScriptedCallIo().pressDuring("Press one.", '9').pressDuring("Wrong key.", '1').pressWhenAsked("123#").pressDuring("Rate us one to five.", '4'));
        assertEquals(List.of("main", "number", "survey", "done"), trail.visited());
    }

    @Test
    void aDigitPressedOverTheRepromptStartsTheNumber() throws Exception {
        ScriptedCallIo caller = new ScriptedCallIo().pressDuring("Press one.", '1').pressWhenAsked("_").pressDuring("Nothing pressed.", '4')
                .pressWhenAsked("56#").pressDuring("Rate us one to five.", '3');
        walk(caller);
        assertEquals(List.of("main", "number", "survey", "done"), trail.visited(), "456 is three digits: the 4 over the re-prompt counted");
    }

    @Test
    void silenceThroughEveryRepromptStillEndsAtTheFallback() throws Exception {
        walk(new ScriptedCallIo().pressWhenAsked("__"));
        assertEquals(List.of("main", "fallback"), trail.visited());
    }
}
