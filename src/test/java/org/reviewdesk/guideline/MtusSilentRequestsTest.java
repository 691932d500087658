package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Requests the MTUS has no section for ({@code mtus-silent-requests.tsv}, written from the primer): the ranker
 * must not name a governing MTUS section for them, or the Cite dialog would open on it and the checker would ask
 * the reviewer why a correct ODG citation does not follow the MTUS. A request marked "known" is one it still
 * gets wrong; it must stay wrong until fixed (then the mark goes), so the list cannot silently rot.
 */
class MtusSilentRequestsTest {
    @Test
    void noGoverningMtusSectionIsClaimedWhereTheMtusIsSilent() {
        GuidelineRanker ranker = GuidelineLibrary.shipped().ranker();
        List<String> wrong = new ArrayList<>();
        List<String> knownFixed = new ArrayList<>();
        List<String[]> rows = WrittenRequests.rows("mtus-silent-requests.tsv");
        int n = rows.size();
        for (String[] f : rows) {
            Optional<SearchHit> governing = ranker.governingMtus(f[1], null);
            if (f[0].equals("known")) {
                if (governing.isEmpty()) {
                    knownFixed.add(f[1]);
                }
            } else if (governing.isPresent()) {
                wrong.add(f[1] + " -> " + governing.get().label());
            }
        }
        assertTrue(n >= 50, "read " + n);
        assertEquals(List.of(), wrong);
        assertEquals(List.of(), knownFixed, "fixed: drop the 'known' mark");
    }
}
