package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.guideline.CategorySuggester;
import org.reviewdesk.guideline.GuidelineFormatException;
import org.reviewdesk.guideline.RulesData;
import org.reviewdesk.guideline.TreatmentCategory;

/** A clinician's own rules.json in the data folder is read when the builder opens, and used everywhere. */
class WorkbenchRulesTest {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    Path tmp;

    @AfterEach
    void backToTheShippedRules() throws Exception {
        RulesData.useDataFolder(tmp.resolve("no-such-folder"));
    }

    @Test
    void theDataFoldersRulesAreMergedOverTheShippedOnes() throws Exception {
        Path data = tmp.resolve("data");
        try (Workbench w = Workbench.create(data, PASSWORD, true)) {
            assertEquals(TreatmentCategory.OTHER, CategorySuggester.suggest("Qigong course, 8 weeks"));
            Files.writeString(data.resolve("rules.json"), "{\"format\":\"reviewdesk-rules/1\","
                    + "\"brands\":{\"zorbex\":\"tramadol\"},"
                    + "\"categoryRules\":[{\"category\":\"psych\",\"match\":[\"qigong\"]}]}");
            w.guidelines();
            assertEquals(TreatmentCategory.PSYCH, CategorySuggester.suggest("Qigong course, 8 weeks"));
            assertEquals(TreatmentCategory.OPIOID, CategorySuggester.suggest("Zorbex 50mg #30"));
            assertEquals(TreatmentCategory.IMAGING, CategorySuggester.suggest("MRI of the knee"), "shipped rules stay");
        }
    }

    @Test
    void aBrokenRulesFileIsRefusedNamingTheFileAndTheEntryAndChangesNothing() throws Exception {
        Path data = tmp.resolve("data");
        try (Workbench w = Workbench.create(data, PASSWORD, true)) {
            Path rules = data.resolve("rules.json");
            Files.writeString(rules, "{\"format\":\"reviewdesk-rules/1\","
                    + "\"categoryRules\":[{\"category\":\"massage\",\"match\":[\"qigong\"]}]}");
            GuidelineFormatException e = assertThrows(GuidelineFormatException.class, w::guidelines);
            assertTrue(e.getMessage().startsWith(rules.toString() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("$.categoryRules[0].category"), e.getMessage());
            assertEquals(TreatmentCategory.OTHER, CategorySuggester.suggest("Qigong course, 8 weeks"));
            assertEquals(TreatmentCategory.IMAGING, CategorySuggester.suggest("MRI of the knee"));
        }
    }
}
