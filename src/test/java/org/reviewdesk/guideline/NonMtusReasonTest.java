package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Item;

/**
 * The checker's "non-MTUS without a stated reason" warning on rationales written from the primer
 * ({@code written-odg-rationales.tsv}, not from letters): it warns where the MTUS governs the request and the
 * topic the reviewer cited, and the rationale neither names the MTUS nor says why it does not apply; it stays
 * quiet where a reason is given in the usual words or the MTUS is silent.
 */
class NonMtusReasonTest {
    private static final String OUTSIDE = "The Expert Reviewer based their decision on recommendation(s) outside of "
            + "the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) ";

    @Test
    void warnsOnlyWhereTheMtusGovernsAndNoReasonIsGiven() {
        List<String> wrong = new ArrayList<>();
        List<String[]> rows = WrittenRequests.rows("written-odg-rationales.tsv");
        int warns = 0;
        for (String[] f : rows) {
            boolean expected = f[0].equals("warn");
            warns += expected ? 1 : 0;
            Decision d = f[3].contains("is medically necessary") ? Decision.OVERTURNED : Decision.UPHELD;
            String guideline = f[2].startsWith("Milliman") ? OUTSIDE.replace("Official Disability Guidelines (ODG) ",
                    "") + f[2] + "." : OUTSIDE + f[2] + ".";
            Item item = new Item(f[1], null, d, null, guideline, f[3], null, null);
            boolean warned = ConsistencyChecker.check(null, item, 0, null).stream()
                    .anyMatch(k -> k.key().equals("non-mtus-without-reason"));
            if (warned != expected) {
                wrong.add((expected ? "no warning: " : "false warning: ") + f[1] + " / " + f[2] + " / " + f[3]);
            }
        }
        assertTrue(rows.size() >= 30 && warns >= 10, "read " + rows.size());
        assertEquals(List.of(), wrong);
    }
}
