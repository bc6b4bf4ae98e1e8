package org.openhotline.bot.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict reader both flow and IVR files go through: every error names the file and the field, as the file's own exception. */
class YamlFieldTest {
    static final class FileError extends RuntimeException {
        FileError(String message) {
            super(message);
        }
    }

    static YamlField read(String yaml) throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        return YamlField.root("t.yml", root, FileError::new);
    }

    @Test
    void valuesAreReadWithDefaultsAndErrorsNameFileAndPath() throws Exception {
        YamlField f = read("name: ' 社保 '\nretries: \"3\"\nitems: [a, b]\nnodes:\n  x: {type: say}\n");
        assertEquals("社保", f.get("name").text());
        assertEquals(3, f.get("retries").integer(1, 0, 9));
        assertEquals(7, f.get("missing").integer(7, 0, 9));
        assertEquals(List.of("a", "b"), f.get("items").texts());
        assertEquals("nodes.x", f.get("nodes").entries().get("x").path());
        assertEquals("say", f.get("nodes").get("x").get("type").text());
        assertEquals("t.yml: items[1]: must be a whole number, not 'b'",
                assertThrows(FileError.class, () -> f.get("items").items().get(1).integer(0, 0, 9)).getMessage());
        assertEquals("t.yml: retries: must be between 0 and 2, not 3", assertThrows(FileError.class, () -> f.get("retries").integer(0, 0, 2)).getMessage());
        assertEquals("t.yml: nodes.x.next: is required", assertThrows(FileError.class, () -> f.get("nodes").get("x").get("next").text()).getMessage());
        assertEquals("t.yml: nodes.x: unknown field 'type' (expected one of: next, prompt)",
                assertThrows(FileError.class, () -> f.get("nodes").get("x").onlyKeys("prompt", "next")).getMessage());
        assertEquals("t.yml: items: must be a text, not a list", assertThrows(FileError.class, () -> f.get("items").text()).getMessage());
    }
}
