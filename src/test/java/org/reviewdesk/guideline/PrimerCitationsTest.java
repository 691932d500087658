package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests written from the primer with the MTUS citation a reviewer would give ({@code primer-citations.tsv}):
 * the Cite dialog opens with that entry and section among its first five.
 */
class PrimerCitationsTest {
    @Test
    void theCitationAReviewerWouldGiveIsAmongTheFirstFive() throws IOException {
        GuidelineRanker ranker = GuidelineLibrary.shipped().ranker();
        List<String> misses = new ArrayList<>();
        int n = 0;
        try (InputStream in = PrimerCitationsTest.class.getResourceAsStream("primer-citations.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                n++;
                List<SearchHit> all = ranker.forItem(f[0], CategorySuggester.suggest(f[0]).key(), Map.of());
                List<SearchHit> top = all.subList(0, Math.min(5, all.size()));
                boolean found = false;
                for (String want : f[1].split("\\|")) {
                    String[] w = want.split("/", 2);
                    found |= top.stream().anyMatch(h -> h.entry().id().equals(w[0])
                            && (w.length == 1 || h.section() != null && h.section().name().equals(w[1])));
                }
                if (!found) {
                    misses.add(f[0] + " -> " + top.stream().map(SearchHit::label).toList());
                }
            }
        }
        assertTrue(n >= 50, "read " + n);
        assertEquals(List.of(), misses);
    }
}
