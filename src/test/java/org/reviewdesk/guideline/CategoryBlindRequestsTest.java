package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blind written requests of the sixth session, the held-out proxy: written before the suggester ran on
 * them. {@code blind-requests-6.tsv} (306) answered 292 (95.4%) on its first run and led to the request
 * reader (spelling, abbreviations, context words); {@code blind-requests-7.tsv} (127) was written after those
 * changes and changed nothing; it answered 125 (98.4%) on its first run, and still does after the purpose-word
 * rule that came after it (from blind-6 and general grammar, not from blind-7); {@code blind-requests-8.tsv} (50
 * requests naming an item and what it is for) answered 44 (45 with a mistyped label corrected) on its first run and
 * led to the sequence words and two rules of category other, after which 49; {@code blind-requests-9.tsv} (20 in
 * the partial-certification wrapper) answered 20 on its first run (16 before the reader). {@code blind-requests-10.tsv}
 * (seventh session, 743 in ten parts, each written in full before its run) answered 252 of 256, 149 of 170, 89 of
 * 98, 38 of 41, 6 of 23, 12 of 25, 20 of 24, 30 of 36, 39 of 40 and 30 of 30 on the first runs and led to the harvested name rows, CPT/HCPCS codes and the class rules of rules.json
 * 2026-12-02.3 to .5, .9 and .13 to .17; {@code blind-requests-11.tsv} (122, written after .5) answered 115 on its first run, its
 * misses (visits named "&lt;field&gt; evaluation", an aquatic exercise program) led to .6; {@code blind-requests-12.tsv}
 * (99, written after .8) answered 97 on its first run and was used for no change; .10, from blind-10's first miss,
 * answers one of its two misses too (the other is a known row). {@code blind-requests-14.tsv} (731, eighth session,
 * a new writer, written in full before its run) answered 694 (94.9%) on its first run and led to rules .18 and the
 * reader's dotted initials, zero for o and same-category spellings, after which 711; its known rows are labels
 * that differ from a convention of the project (see its header): 20, then 17 once systemic injections were judged
 * by the medicine (rules .19, 714 right). A row marked {@code known} is one the
 * rules still get wrong; it must stay wrong until fixed (then the mark goes), so the misses stay explicit.
 */
class CategoryBlindRequestsTest {
    @ParameterizedTest
    @CsvSource({"blind-requests-6.tsv, 306", "blind-requests-7.tsv, 127", "blind-requests-8.tsv, 50",
        "blind-requests-9.tsv, 20", "blind-requests-10.tsv, 743",
        "blind-requests-11.tsv, 122",
        "blind-requests-12.tsv, 99", "blind-requests-13.tsv, 79", "blind-requests-14.tsv, 731"})
    void blindRequestsLandInTheirCategoriesExceptTheKnownMisses(String file, int size) {
        List<String[]> rows = WrittenRequests.rows(file);
        assertEquals(size, rows.size());
        List<String> misses = new ArrayList<>();
        List<String> knownFixed = new ArrayList<>();
        for (String[] f : rows) {
            boolean ok = CategorySuggester.suggest(f[0]) == TreatmentCategory.fromKey(f[1]);
            boolean known = f.length > 2 && f[2].equals("known");
            if (known && ok) {
                knownFixed.add(f[0]);
            } else if (!known && !ok) {
                misses.add(f[0] + " -> " + CategorySuggester.suggest(f[0]).key() + " (expected " + f[1] + ")");
            }
        }
        assertEquals(List.of(), misses);
        assertEquals(List.of(), knownFixed, "fixed: drop the 'known' mark");
    }
}
