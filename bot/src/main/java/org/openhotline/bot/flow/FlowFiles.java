package org.openhotline.bot.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openhotline.bot.flow.definition.FlowDefinition;
import org.openhotline.bot.flow.definition.FlowDefinitionException;
import org.openhotline.bot.flow.definition.FlowParser;

/** Where flow definitions come from: a folder of YAML files, or the sample flows in the jar. */
final class FlowFiles {
    /** The sample flows shipped in the jar, under {@code flows/}. */
    static final List<String> BUNDLED = List.of("si-payment-records.yml", "hf-withdrawal-progress.yml", "complaint-intake.yml");

    private FlowFiles() {}

    /** Every {@code *.yml} / {@code *.yaml} in {@code dirOrNull} (null: the bundled flows), each checked whole. */
    static List<FlowDefinition> read(Path dirOrNull, Map<String, String> vars) {
        FlowParser parser = new FlowParser(vars);
        List<FlowDefinition> defs = new ArrayList<>();
        if (dirOrNull == null) {
            for (String name : BUNDLED) defs.add(parser.parse(name, bundled(name)));
            return defs;
        }
        if (!Files.isDirectory(dirOrNull)) throw new FlowDefinitionException("flow folder not found: " + dirOrNull);
        List<Path> files;
        try (Stream<Path> s = Files.list(dirOrNull)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new FlowDefinitionException("cannot list flow folder " + dirOrNull + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) throw new FlowDefinitionException("no flow files (*.yml) in " + dirOrNull);
        for (Path f : files) {
            try {
                defs.add(parser.parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new FlowDefinitionException(f.getFileName() + ": cannot read: " + e.getMessage(), e);
            }
        }
        return defs;
    }

    private static String bundled(String name) {
        try (InputStream in = FlowFiles.class.getResourceAsStream("/flows/" + name)) {
            if (in == null) throw new IllegalStateException("bundled flow missing from the jar: flows/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
