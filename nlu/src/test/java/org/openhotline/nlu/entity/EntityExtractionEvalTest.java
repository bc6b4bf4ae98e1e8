package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per entity type on the labelled hotline messages in eval/data/nlu/entities.jsonl
 * (exact type, value and span). The floors sit a little under what the extractor reached when they were set,
 * so a change that loses accuracy fails here.
 */
class EntityExtractionEvalTest {
    private static final Path DATA = Path.of("../eval/data/nlu/entities.jsonl");

    /** Floors for precision and recall: {precision, recall}. */
    private static final Map<EntityType, double[]> FLOORS = new EnumMap<>(Map.of(
            EntityType.ID_CARD, new double[] {0.98, 0.98},
            EntityType.PHONE, new double[] {0.98, 0.98},
            EntityType.DATE, new double[] {0.96, 0.97},
            EntityType.BANK_CARD, new double[] {0.94, 0.94},
            EntityType.MONEY, new double[] {0.95, 0.95},
            EntityType.DURATION, new double[] {0.95, 0.95},
            EntityType.DISTRICT, new double[] {0.97, 0.97},
            EntityType.INSURANCE_TYPE, new double[] {0.97, 0.97},
            EntityType.PERSON, new double[] {0.93, 0.93},
            EntityType.ORG, new double[] {0.90, 0.90}));

    record Labelled(String id, String text, LocalDateTime now, Set<Key> gold) {}

    record Key(EntityType type, String value, int start, int end) {
        static Key of(Entity e) {
            return new Key(e.type(), e.value(), e.start(), e.end());
        }
    }

    private static List<Labelled> data;

    @BeforeAll
    static void load() throws IOException {
        data = new ArrayList<>();
        for (String line : Files.readAllLines(DATA, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            @SuppressWarnings("unchecked")
            Map<String, Object> m = new com.fasterxml.jackson.databind.ObjectMapper().readValue(line, Map.class);
            Set<Key> gold = new HashSet<>();
            for (Object o : (List<?>) m.get("entities")) {
                Map<?, ?> e = (Map<?, ?>) o;
                gold.add(new Key(EntityType.fromWireName((String) e.get("type")), (String) e.get("value"),
                        ((Number) e.get("start")).intValue(), ((Number) e.get("end")).intValue()));
            }
            data.add(new Labelled((String) m.get("id"), (String) m.get("text"), LocalDateTime.parse((String) m.get("now")), gold));
        }
    }

    @Test
    void precisionAndRecallPerTypeMeetTheFloors() {
        EntityExtractor extractor = new EntityExtractor();
        Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class); // tp, fp, fn
        for (EntityType t : EntityType.values()) counts.put(t, new int[3]);
        StringBuilder misses = new StringBuilder();
        for (Labelled l : data) {
            Set<Key> found = new HashSet<>();
            for (Entity e : extractor.extract(l.text(), l.now()).entities()) found.add(Key.of(e));
            for (Key k : found) {
                if (l.gold().contains(k)) counts.get(k.type())[0]++;
                else {
                    counts.get(k.type())[1]++;
                    misses.append(l.id()).append(" FP ").append(k).append(" «").append(l.text(), k.start(), k.end()).append("»\n");
                }
            }
            for (Key k : l.gold()) {
                if (!found.contains(k)) {
                    counts.get(k.type())[2]++;
                    misses.append(l.id()).append(" FN ").append(k).append(" «").append(l.text(), k.start(), k.end()).append("»\n");
                }
            }
        }
        StringBuilder table = new StringBuilder(String.format("%n%-15s %5s %5s %5s %9s %7s%n", "type", "tp", "fp", "fn", "precision", "recall"));
        List<String> failures = new ArrayList<>();
        for (EntityType t : EntityType.values()) {
            int[] c = counts.get(t);
            double p = c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
            double r = c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
            table.append(String.format("%-15s %5d %5d %5d %9.3f %7.3f%n", t.wireName(), c[0], c[1], c[2], p, r));
            double[] floor = FLOORS.get(t);
            if (p < floor[0] || r < floor[1]) failures.add(t.wireName() + String.format(" p=%.3f r=%.3f below %.2f/%.2f", p, r, floor[0], floor[1]));
        }
        System.out.println(table);
        System.out.println(misses);
        assertTrue(failures.isEmpty(), failures + "\n" + table + misses);
    }
}
