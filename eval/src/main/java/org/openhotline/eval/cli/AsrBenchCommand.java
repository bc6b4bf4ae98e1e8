package org.openhotline.eval.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.eval.voice.AsrBench;
import org.openhotline.server.cli.Args;
import org.openhotline.voice.asr.ClasspathModel;
import org.openhotline.voice.asr.DecoderReuse;
import org.openhotline.voice.asr.VoskRecognizer;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.tts.FreeTtsSynthesizer;
import org.openhotline.voice.tts.SpeechSynthesizer;

/** {@code ./hotline bench-asr}: real-time factor of concurrent Vosk streams and WER on synthesised English. */
final class AsrBenchCommand {
    static final String HELP = """
            usage: ./hotline bench-asr [--streams 4] [--sentences 10] [--model DIR] [--decoder-sessions 100]

            Speaks N English sentences with FreeTTS (8 kHz, as a call carries them), then recognises them on S
            concurrent streams (default 4) with Vosk, each fed in 20 ms frames as fast as it goes. Prints each stream's
            real-time factor (processing time / audio time; the target is at most 0.5 with 4 streams) and the word
            error rate. The model is the English one from Maven Central (com.alphacephei:vosk-model-en, unpacked under
            the temp folder) unless --model names a Vosk model folder.
            The CPU real-time factor (each stream thread's CPU time / audio time) shows the recogniser's own cost
            on a busy machine. --decoder-sessions is voice.asr.decoder-sessions (0: a new decoder for every sentence, as
            before decoders were kept; the warm-up sentence warms one decoder, the other streams start cold).
            Ends with RESULT {"streams","sentences","audioSeconds","rtfMean","rtfMax","cpuRtfMean","wer","cores"}.
            """;
    static final List<String> SENTENCES = List.of(
            "i want to check my social insurance payment",
            "please transfer me to an agent",
            "what time does the office open tomorrow",
            "my phone number is five five five one two three four",
            "how do i withdraw money from my housing fund",
            "i would like to make a complaint about noise at night",
            "can you tell me the status of my application",
            "i lost my medical insurance card",
            "what documents do i need to bring",
            "thank you goodbye");

    private final PrintStream out;

    AsrBenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        if (args.help()) {
            out.print(HELP);
            return 0;
        }
        int streams = args.integer("streams", 4);
        int count = args.integer("sentences", SENTENCES.size());
        int decoderSessions = args.integer("decoder-sessions", DecoderReuse.defaults().sessionsPerDecoder());
        if (streams < 1 || count < 1 || count > SENTENCES.size() || decoderSessions < 0) {
            throw new Args.UsageException("--streams ≥ 1, --sentences 1.." + SENTENCES.size() + ", --decoder-sessions ≥ 0");
        }
        Path model = args.option("model") != null ? Path.of(args.option("model"))
                : ClasspathModel.unpack(ClasspathModel.ENGLISH, Path.of(System.getProperty("java.io.tmpdir"), "openhotline-vosk-model"));
        List<String> sentences = SENTENCES.subList(0, count);
        FreeTtsSynthesizer tts = new FreeTtsSynthesizer();
        List<PcmAudio> speech = new ArrayList<>();
        for (String s : sentences) speech.add(tts.synthesize(s, SpeechSynthesizer.ENGLISH, 8000));
        out.println("model " + model + "; " + streams + " streams × " + count + " sentences; decoders kept for " + decoderSessions + " sessions");
        try (VoskRecognizer recognizer = VoskRecognizer.load(model, "en", new DecoderReuse(decoderSessions, streams))) {
            AsrBench.run(recognizer, sentences.subList(0, 1), speech.subList(0, 1), 1, new PrintStream(java.io.OutputStream.nullOutputStream())); // warm-up
            AsrBench.Result r = AsrBench.run(recognizer, sentences, speech, streams, out);
            out.printf("real-time factor mean %.2f, max %.2f (CPU %.2f; %d streams, %d cores); WER %.3f%n", r.rtfMean(), r.rtfMax(), r.cpuRtfMean(), r.streams(), r.cores(), r.wer());
            out.println("RESULT " + new ObjectMapper().writeValueAsString(r));
        }
        return 0;
    }
}
