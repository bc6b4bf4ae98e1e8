package org.openhotline.nlu.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The places of the city a hotline serves (districts, counties, development zones, streets) and the names
 * citizens use for them, read from a {@code type<TAB>name<TAB>parent<TAB>aliases} file, so that another city
 * is served by writing its file rather than changing code. The bundled sample is Xi'an.
 */
public final class Gazetteer {
    private static final String BUNDLED = "/org/openhotline/nlu/gazetteer/xian.txt";

    private final List<Place> places;
    private final Map<String, Place> byName;

    public Gazetteer(List<Place> places) {
        this.places = List.copyOf(places);
        Map<String, Place> names = new LinkedHashMap<>();
        for (Place p : places) names.putIfAbsent(p.name(), p);
        for (Place p : places) for (String a : p.aliases()) names.putIfAbsent(a, p); // a canonical name beats an alias
        this.byName = Map.copyOf(names);
    }

    /** The Xi'an sample bundled with the product. */
    public static Gazetteer bundled() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("missing bundled gazetteer " + BUNDLED);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return parse(r.lines().toList(), BUNDLED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gazetteer file a bureau wrote for its own city. */
    public static Gazetteer load(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer " + file, e);
        }
    }

    /** Parses gazetteer lines; '#' starts a comment, and a malformed line is reported with its number. */
    public static Gazetteer parse(List<String> lines, String source) {
        List<Place> places = new ArrayList<>();
        int no = 0;
        for (String raw : lines) {
            no++;
            String line = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 3 || f[1].isBlank()) {
                throw new IllegalArgumentException(source + ":" + no + ": expected type<TAB>name<TAB>parent<TAB>aliases");
            }
            PlaceType type;
            try {
                type = PlaceType.parse(f[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + no + ": " + e.getMessage(), e);
            }
            List<String> aliases = f.length > 3
                    ? Arrays.stream(f[3].split("[,，]")).map(String::strip).filter(a -> !a.isEmpty()).toList()
                    : List.of();
            places.add(new Place(type, f[1].strip(), f[2].strip(), aliases));
        }
        return new Gazetteer(places);
    }

    public List<Place> places() {
        return places;
    }

    public List<Place> places(PlaceType type) {
        return places.stream().filter(p -> p.type() == type).toList();
    }

    /** The place a name or alias stands for. */
    public Optional<Place> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
