package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.guideline.Spelling;
import org.reviewdesk.store.StoreException;

/**
 * The reviewer's dictionary: kept in the encrypted store (not in a file of its own, not in the clear), one word a
 * line, read again when the store opens; the spelling checks accept its words; a line with two words is refused
 * with what is wrong, and the dictionary stays as it was.
 */
class OwnWordsTest {
    @TempDir
    Path tmp;

    @AfterEach
    void reset() {
        Spelling.useOwnWords(List.of());
    }

    @Test
    void wordsAreKeptInTheStoreAndAcceptedByTheChecks() throws Exception {
        Path data = tmp.resolve("data");
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            assertEquals(List.of(), w.ownWords());
            assertFalse(Spelling.inUse().knows("quixorbital"));
            w.addOwnWord("quixorbital");
            w.addOwnWord("Brandexa");
            w.addOwnWord("quixorbital");
            assertEquals(List.of("Brandexa", "quixorbital"), w.ownWords());
            assertTrue(Spelling.inUse().knows("quixorbital"));
            assertTrue(Spelling.inUse().knows("Quixorbital"));
            StoreException e = assertThrows(StoreException.class, () -> w.saveOwnWords(List.of("fine", "two words")));
            assertTrue(e.getMessage().contains("\"two words\" is not one word"), e.getMessage());
            assertEquals(List.of("Brandexa", "quixorbital"), w.ownWords(), "unchanged after the refusal");
        }
        Spelling.useOwnWords(List.of());
        assertFalse(Spelling.inUse().knows("quixorbital"));
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertTrue(Spelling.inUse().knows("quixorbital"), "read again when the store opens");
            w.saveOwnWords(List.of());
            assertFalse(Spelling.inUse().knows("quixorbital"));
        }
        try (var files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("quixorbital") || text.contains("Brandexa"), f + " holds a word in the clear");
            }
        }
    }
}
