package org.reviewdesk.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reviewdesk.bench.LabelAgreement.BLabel;
import org.reviewdesk.bench.LabelAgreement.Figures;

/** The agreement figures on made-up labels whose values are worked out by hand. */
class LabelAgreementTest {

    @Test
    void kappaOfTwoBalancedLabellers() {
        // 10 items, each labeller 5 x and 5 y, agreeing on 8: po 0.8, pe 0.5, kappa 0.6.
        double k = LabelAgreement.kappa(8, 10, Map.of("x", 5, "y", 5), Map.of("x", 5, "y", 5));
        assertEquals(0.6, k, 1e-9);
    }

    @Test
    void kappaIsZeroWhenAgreementIsWhatChanceGives() {
        // A: 2 x, 2 y; B: 2 x, 2 y; agreeing on 2 of 4: po 0.5 = pe 0.5.
        assertEquals(0.0, LabelAgreement.kappa(2, 4, Map.of("x", 2, "y", 2), Map.of("x", 2, "y", 2)), 1e-9);
    }

    @Test
    void figuresCountAgreementAlternativesAndTheSuggester() {
        Map<String, String> a = new HashMap<>();
        Map<String, BLabel> b = new HashMap<>();
        Map<String, String> s = new HashMap<>();
        // 1: both opioid, suggester opioid.
        a.put("C#0", "opioid");
        b.put("C#0", new BLabel("opioid", null));
        s.put("C#0", "opioid");
        // 2: A topical, B nsaid with topical as alternative; suggester nsaid.
        a.put("C#1", "topical");
        b.put("C#1", new BLabel("nsaid", "topical"));
        s.put("C#1", "nsaid");
        // 3: A opioid, B other; suggester imaging (wrong for both).
        a.put("C#2", "opioid");
        b.put("C#2", new BLabel("other", null));
        s.put("C#2", "imaging");
        // 4: both imaging, suggester imaging.
        a.put("C#3", "imaging");
        b.put("C#3", new BLabel("imaging", "other"));
        s.put("C#3", "imaging");
        // Only in A, only in B: counted apart, not in the figures.
        a.put("D#0", "psych");
        s.put("D#0", "psych");
        b.put("E#0", new BLabel("psych", null));
        s.put("E#0", "psych");

        Figures f = LabelAgreement.compute(a, b, s);
        assertEquals(1, f.onlyA());
        assertEquals(1, f.onlyB());
        assertEquals(4, f.both());
        assertEquals(2, f.agree());
        assertEquals(3, f.agreeLenient());
        assertEquals(2, f.suggesterA());
        assertEquals(3, f.suggesterB());
        assertEquals(3, f.suggesterEither());
        assertEquals(2, f.agreedItems());
        assertEquals(2, f.suggesterOnAgreed());
        assertArrayEquals(new int[] {1, 2}, f.perCategoryOfA().get("opioid"));
        assertArrayEquals(new int[] {0, 1}, f.perCategoryOfA().get("topical"));
        assertArrayEquals(new int[] {1, 1}, f.perCategoryOfA().get("imaging"));
        // Margins A: opioid 2, topical 1, imaging 1; B: opioid 1, nsaid 1, other 1, imaging 1.
        // po = 0.5; pe = (2*1 + 1*0 + 1*1) / 16 = 3/16; kappa = (0.5 - 0.1875) / 0.8125.
        assertEquals((0.5 - 3.0 / 16) / (1 - 3.0 / 16), f.kappa(), 1e-9);
    }

    @Test
    void parseSkipsCommentsAndKeepsAnEmptyAlternative() {
        Map<String, String[]> rows = LabelAgreement.parse("# who\n# case\tindex\tcategory\n\nC\t0\topioid\t\n"
                + "C\t1\ttopical\tnsaid\r\nD\t2\timaging\n");
        assertEquals(3, rows.size());
        assertEquals(4, rows.get("C#0").length);
        assertTrue(rows.get("C#0")[3].isEmpty());
        assertEquals("nsaid", rows.get("C#1")[3]);
        assertEquals(3, rows.get("D#2").length);
        assertThrows(IllegalArgumentException.class, () -> LabelAgreement.parse("C\t0\n"));
    }
}
