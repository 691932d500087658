package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pattern of the user's own rules.json that backtracks without end ends the request with an error naming the
 * file and the entry, instead of hanging the builder. Java 9+ no longer backtracks without end on "(a+)+$" or
 * "(x|x)*y" (it remembers where an unbounded loop has been), but still does with a bounded count ("(x|x){1,99}y")
 * or a back reference: twice the time for each further character. The 60 s guard only keeps a regression from
 * hanging the build; the error comes in well under a second.
 */
class RunawayRulesTest {
    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @AfterEach
    void backToTheShippedRules() throws Exception {
        RulesData.useDataFolder(tmp.resolve("no-such-folder"));
    }

    private Path rules(String body) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        return Files.writeString(data.resolve("rules.json"), "{\"format\":\"reviewdesk-rules/1\"," + body + "}");
    }

    @Test
    void aCategoryRuleThatRunsAwayEndsTheSuggestionNamingTheFileAndTheRule() throws Exception {
        // exponential on "x" and a run of a's without the "b"
        Path file = rules("\"categoryRules\":[{\"category\":\"psych\",\"match\":[\"qigong\",\"x(a|a){1,100}b\"]}]");
        RulesData.useDataFolder(file.getParent());
        String request = "x" + "a".repeat(40) + "!";
        RunawayPatternException e = assertTimeoutPreemptively(GUARD,
                () -> assertThrows(RunawayPatternException.class, () -> CategorySuggester.suggest(request)));
        assertEquals(file + ": $.categoryRules[0] (psych).match", e.where());
        assertTrue(e.getMessage().startsWith(file + ": $.categoryRules[0] (psych).match: the pattern takes too long"),
                e.getMessage());
        assertTrue(!e.getMessage().contains(request), "the request is not quoted: " + e.getMessage());
        // the rest of the file, and the shipped rules, still work
        assertEquals(TreatmentCategory.PSYCH, CategorySuggester.suggest("Qigong course, 8 weeks"));
        assertEquals(TreatmentCategory.IMAGING, CategorySuggester.suggest("MRI of the knee"));
    }

    @Test
    void aKindChecklistWhoseWhenRunsAwayEndsTheChecklistNamingTheFileAndTheChecklist() throws Exception {
        Path file = rules("\"checklists\":[{\"category\":\"tens-dme\",\"kind\":\"x-device\",\"when\":\"(x|x){1,99}y\","
                + "\"guideline\":\"The guideline.\",\"criteria\":[{\"key\":\"seen\",\"text\":\"Seen?\","
                + "\"need\":\"INFO\"}]}]");
        RulesData.useDataFolder(file.getParent());
        String item = "x".repeat(40);
        RunawayPatternException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(
                RunawayPatternException.class, () -> RulesSupport.forItem(TreatmentCategory.TENS_DME, item)));
        assertEquals(file + ": $.checklists[0] (tens-dme/x-device).when", e.where());
        assertEquals(TreatmentCategory.TENS_DME, RulesSupport.forItem(TreatmentCategory.TENS_DME, "TENS unit")
                .category());
    }

    @Test
    void aConditionOnTheAnswerThatRunsAwayEndsTheDraftNamingTheCondition() throws Exception {
        Path file = rules("\"checklists\":[{\"category\":\"tens-dme\",\"kind\":\"z-device\",\"when\":\"zorbex\","
                + "\"guideline\":\"The guideline.\",\"conditions\":{\"long\":{\"answer\":\"what\","
                + "\"matches\":\"^(\\\\w+\\\\s?){1,99}$\"}},"
                + "\"facts\":[{\"key\":\"what\",\"text\":\"What?\",\"kind\":\"TEXT\"}],"
                + "\"criteria\":[{\"key\":\"seen\",\"text\":\"Seen?\",\"need\":\"INFO\",\"if\":\"long\","
                + "\"yes\":\"Seen.\"}]}]");
        RulesData.useDataFolder(file.getParent());
        java.util.Map<String, Object> answers = java.util.Map.of("what", "an answer typed at length " + "word".repeat(12)
                + "!", "seen", "YES");
        RunawayPatternException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(
                RunawayPatternException.class, () -> RationaleDrafter.draft(new org.reviewdesk.domain.Item(
                        "Zorbex TENS unit", "tens-dme", null, null, null, null, null, null), answers, null)));
        assertEquals(file + ": $.checklists[0] (tens-dme/z-device).conditions.long.matches", e.where());
    }
}
