package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every product, drug and device name harvested from the public letters' text ({@link DrugNameHarvest}, names
 * only) lands, on its own, in the category of its pharmacological class ({@code harvested-names.tsv}): a brand
 * through the brand table to its ingredients, a generic or a class word through the class rules.
 */
class HarvestedNamesTest {
    @Test
    void everyHarvestedNameAloneLandsInItsClass() {
        List<String[]> rows = WrittenRequests.rows("harvested-names.tsv");
        assertTrue(rows.size() >= 120, "the table: " + rows.size());
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            TreatmentCategory got = CategorySuggester.suggest(r[0]);
            if (got != TreatmentCategory.fromKey(r[1]) || (got == TreatmentCategory.OTHER && !r[1].equals("other"))) {
                wrong.add(r[0] + " -> " + got.key() + " (class " + r[1] + ")");
            }
        }
        assertEquals(List.of(), wrong);
    }
}
