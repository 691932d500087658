package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A user's rules.json made from the shipped one with one change, and the refusal it earns (for the broken-file tests). */
final class BrokenRules {
    private BrokenRules() {
    }

    static InputStream shipped() {
        return RulesData.class.getResourceAsStream("rules.json");
    }

    /** The shipped rules.json with {@code change} applied, written as {@code folder/rules.json}. */
    static Path write(Path folder, Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(shipped());
        change.accept(root);
        Path p = folder.resolve("rules.json");
        Files.writeString(p, new ObjectMapper().writeValueAsString(root));
        return p;
    }

    /** The message with which loading the shipped rules plus {@code userFile} is refused. */
    static String refusal(Path userFile) {
        return assertThrows(GuidelineFormatException.class, () -> RulesData.load(shipped(), userFile)).getMessage();
    }
}
