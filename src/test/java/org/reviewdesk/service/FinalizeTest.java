package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.CaseStatus;
import org.reviewdesk.domain.Item;
import org.reviewdesk.store.CaseLockedException;

class FinalizeTest {
    @TempDir
    Path tmp;
    private Workbench w;

    @BeforeEach
    void open() throws Exception {
        w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false);
        w.letters().createIdentity("Reviewer 4711");
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void finalizeRefusesAnIncompleteCaseAndLocksAComplete() throws Exception {
        CaseFile c = w.cases().get("EXAMPLE-0001");
        w.cases().save(c.withEdits(c.clinicalSummary(), List.of(c.items().get(0).withDecision(null))));
        assertThrows(LetterNotReadyException.class, () -> w.letters().finalizeCase("EXAMPLE-0001", null));
        assertEquals(CaseStatus.IN_PROGRESS, w.cases().status("EXAMPLE-0001"));

        w.cases().save(c);
        w.letters().finalizeCase("EXAMPLE-0001", null);
        assertEquals(CaseStatus.FINALIZED, w.cases().status("EXAMPLE-0001"));
        assertEquals("Finalized", w.cases().list().get(0).status().label());
        CaseFile locked = w.cases().get("EXAMPLE-0001");
        assertThrows(CaseLockedException.class, () -> w.cases().save(locked.withEdits("changed", locked.items())));
        assertThrows(CaseLockedException.class, () -> w.letters().finalizeCase("EXAMPLE-0001", null));
    }

    @Test
    void anAmendmentIsANewEditableVersionAndKeepsTheSignedOriginal() throws Exception {
        w.letters().finalizeCase("EXAMPLE-0001", null);
        byte[] original = w.letters().signedLetter("EXAMPLE-0001").orElseThrow();
        String amendment = w.cases().amend("EXAMPLE-0001");
        assertEquals("EXAMPLE-0001-A1", amendment);

        CaseFile a = w.cases().get(amendment);
        assertEquals(null, a.decisionDate());
        assertEquals(3, a.documentList().size());
        // the records copied inside the store, byte for byte, with their SHA-256 as stored
        for (var d : a.documentList()) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(w.records().bytes("EXAMPLE-0001", d.id()),
                    w.records().bytes(amendment, d.id()), d.id());
        }
        assertEquals(w.records().documents("EXAMPLE-0001").stream().map(x -> x.sha256()).toList(),
                w.records().documents(amendment).stream().map(x -> x.sha256()).toList());
        Item edited = a.items().get(0).withTexts(a.items().get(0).request(), a.items().get(0)
                .claimsAdministratorGuideline(), a.items().get(0).reviewerGuideline(), a.items().get(0).rationale()
                + " Amended.");
        w.cases().save(a.withEdits(a.clinicalSummary(), List.of(edited)));
        assertTrue(w.cases().get(amendment).items().get(0).rationale().endsWith("Amended."));
        assertTrue(w.records().pageText(amendment, "progress-2015-01-19", 1).contains("Date of visit"));

        assertArrayEquals(original, w.letters().signedLetter("EXAMPLE-0001").orElseThrow(), "original kept");
        assertEquals(CaseStatus.FINALIZED, w.cases().status("EXAMPLE-0001"));
        assertEquals(List.of("EXAMPLE-0001", "EXAMPLE-0001-A1"),
                w.cases().list().stream().map(s -> s.caseNumber()).sorted().toList(), "both are visible");
    }
}
