package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fifth batch of requests written from the primer and public drug and device knowledge
 * ({@code written-requests-5.tsv}, all categories, brand names, compounds, equipment by kind, and the wrappers
 * letters put around a request): each lands in the category a reviewer would open. A row marked {@code known}
 * is one the rules still get wrong; it must stay wrong until fixed (then the mark goes), so the list of misses
 * is explicit and cannot silently rot. Each part was written before the rule changes it led to; right answers
 * before those changes: first part 231 of 253 (91.3%); second 79 of 80; third (consultations for a treatment)
 * 5 of 14; fourth (spellings and kinds) 25 of the 49 probed first; fifth 25 of the 41 kept; sixth (drug names
 * beyond the common ones) 3 of 44; seventh (equipment by brand and kind, 29 kept) 17 of 29; eighth (visits, clearance, psychology, home
 * nursing, facilities, pain programs; 31 kept) 16 of 31; ninth (checks of this session's own rules) 1 of 6.
 */
class CategoryWrittenRequestsTest {
    @Test
    void writtenRequestsLandInTheirCategories() {
        List<String> misses = new ArrayList<>();
        List<String> knownFixed = new ArrayList<>();
        List<String[]> rows = WrittenRequests.rows("written-requests-5.tsv");
        int right = 0;
        for (String[] f : rows) {
            TreatmentCategory got = CategorySuggester.suggest(f[0]);
            boolean ok = got == TreatmentCategory.fromKey(f[1]);
            right += ok ? 1 : 0;
            boolean known = f.length > 2 && f[2].equals("known");
            if (known && ok) {
                knownFixed.add(f[0]);
            } else if (!known && !ok) {
                misses.add(f[0] + " -> " + got.key() + " (expected " + f[1] + ")");
            }
        }
        assertTrue(rows.size() >= 300, "read " + rows.size());
        assertTrue(right >= 0.97 * rows.size(), right + " of " + rows.size());
        assertEquals(List.of(), misses);
        assertEquals(List.of(), knownFixed, "fixed: drop the 'known' mark");
    }
}
