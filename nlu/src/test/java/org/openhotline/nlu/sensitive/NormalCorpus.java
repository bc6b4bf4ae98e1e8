package org.openhotline.nlu.sensitive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Normal hotline text that must never trip the filter: the sample knowledge base and the government
 * Q&A of gov-qa-msgabench, read by paths relative to the nlu module directory (where surefire runs).
 */
final class NormalCorpus {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final Path DATASETS = Path.of("../../shared/datasets");
    static final Path SAMPLE_KB = Path.of("../server/src/main/resources/sample-kb/sample-kb.jsonl");
    static final Path ZHENGWU_QA = DATASETS.resolve("gov-qa-msgabench/zhengwu_qa.jsonl");
    static final Path NLU_KB = DATASETS.resolve("gov-qa-msgabench/nlu_kb.jsonl");
    static final Path CITIZEN_MESSAGES = DATASETS.resolve("gov-qa-msgabench/citizen_messages.jsonl");

    private NormalCorpus() {}

    /** Questions, similar questions and answers of the sample KB and the two curated Q&A sets. */
    static List<String> curatedQuestionsAndAnswers() {
        List<String> out = new ArrayList<>();
        out.addAll(fields(SAMPLE_KB, "question", "similar", "answer"));
        out.addAll(fields(ZHENGWU_QA, "question", "answer"));
        out.addAll(fields(NLU_KB, "question", "answer"));
        return out;
    }

    /** Citizens' own messages: normal in the main, but real complaints may hold real abuse. */
    static List<String> citizenMessages() {
        return fields(CITIZEN_MESSAGES, "message");
    }

    static boolean available() {
        return Files.isRegularFile(SAMPLE_KB) && Files.isRegularFile(ZHENGWU_QA) && Files.isRegularFile(NLU_KB);
    }

    /** The string values (or string array items) of {@code keys} in each JSON line of {@code file}. */
    static List<String> fields(Path file, String... keys) {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                Map<?, ?> obj = JSON.readValue(line, Map.class);
                for (String k : keys) {
                    Object v = obj.get(k);
                    if (v instanceof String s && !s.isBlank()) out.add(s);
                    else if (v instanceof List<?> l) for (Object o : l) if (o instanceof String s && !s.isBlank()) out.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
