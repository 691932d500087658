package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.store.CaseLockedException;

/** A finalized case refuses record changes in the service; Finalize keeps the letter already signed. */
class ReadOnlyAndSigningTest {
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
    void aFinalizedCaseRefusesRecordFilesDetailsAndExcerptsAndStaysAsItWas() throws Exception {
        Path note = tmp.resolve("late-note.txt");
        Files.writeString(note, "A note that arrives after the case was finalized.", StandardCharsets.UTF_8);
        w.letters().finalizeCase("EXAMPLE-0001", null);
        int documents = w.records().documents("EXAMPLE-0001").size();
        int excerpts = w.records().excerpts("EXAMPLE-0001").size();
        int auditEntries = w.auditLog().size();

        CaseLockedException e = assertThrows(CaseLockedException.class, () -> w.records().addFiles("EXAMPLE-0001",
                List.of(note), RecordService.Progress.NONE, () -> false));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        var doc = w.records().documents("EXAMPLE-0001").get(0).document();
        assertThrows(CaseLockedException.class, () -> w.records().updateMetadata("EXAMPLE-0001", doc));
        assertThrows(CaseLockedException.class, () -> w.records().addExcerpt("EXAMPLE-0001",
                new Evidence(doc.id(), 1, "a quote", null, null)));
        assertThrows(CaseLockedException.class, () -> w.records().deleteExcerpt("EXAMPLE-0001", 0));
        // the chronology is part of what was signed: excerpts are cited by its documents
        var chronology = w.records().chronology("EXAMPLE-0001");
        var entry = chronology.get(0);
        assertThrows(CaseLockedException.class, () -> w.records().correctEntry("EXAMPLE-0001", entry,
                entry.kind(), entry.date(), "someone else", "another title"));
        assertThrows(CaseLockedException.class, () -> w.records().mergeWithNext("EXAMPLE-0001", entry));
        assertThrows(CaseLockedException.class, () -> w.records().splitAt("EXAMPLE-0001", entry,
                entry.firstPage() + 1));
        assertEquals(chronology, w.records().chronology("EXAMPLE-0001"), "the chronology as it was signed");

        assertEquals(documents, w.records().documents("EXAMPLE-0001").size(), "no document added");
        assertEquals(excerpts, w.records().excerpts("EXAMPLE-0001").size(), "no excerpt added");
        assertEquals(auditEntries, w.auditLog().size(), "nothing happened, nothing logged");
        assertFalse(w.auditLog().stream().anyMatch(a -> a.action().equals("RECORD_ADDED")
                && String.valueOf(a.detail()).contains("late-note")), "no RECORD_ADDED after CASE_FINALIZED");

        // an amendment is the one way to change it
        String amendment = w.cases().amend("EXAMPLE-0001");
        var added = w.records().addFiles(amendment, List.of(note), RecordService.Progress.NONE, () -> false);
        assertTrue(added.get(0).added(), added.toString());
    }

    @Test
    void finalizeAfterSignAndExportKeepsTheSamePdfWhenNothingChanged() throws Exception {
        LetterService.SignedLetter exported = w.letters().sign("EXAMPLE-0001", null);
        LetterService.SignedLetter kept = w.letters().finalizeCase("EXAMPLE-0001", null);
        assertTrue(kept.reused(), "the letter signed with Sign & Export is the letter");
        assertEquals(exported.sha256(), kept.sha256());
        assertArrayEquals(exported.pdf(), kept.pdf());
        assertArrayEquals(exported.pdf(), w.letters().signedLetter("EXAMPLE-0001").orElseThrow(),
                "the letter kept with the case (e-mail, archive) is the exported one");
        assertEquals(1, w.auditLog().stream().filter(a -> a.action().equals("LETTER_SIGNED")).count(),
                "signed once");
    }

    @Test
    void finalizeSignsAgainWhenTheCaseChangedSinceSigning() throws Exception {
        LetterService.SignedLetter exported = w.letters().sign("EXAMPLE-0001", null);
        CaseFile c = w.cases().get("EXAMPLE-0001");
        w.cases().save(c.withEdits(c.clinicalSummary() + " Reviewed again.", c.items()));
        LetterService.SignedLetter finalized = w.letters().finalizeCase("EXAMPLE-0001", null);
        assertFalse(finalized.reused());
        assertNotEquals(exported.sha256(), finalized.sha256());
        assertArrayEquals(finalized.pdf(), w.letters().signedLetter("EXAMPLE-0001").orElseThrow());
    }

    @Test
    void thePreSignChecksLookTheRecordUpLikeTheWorkspace() throws Exception {
        CaseFile c = w.cases().get("EXAMPLE-0001");
        var item = c.items().get(0);
        // the sample's progress note documents full range of motion; the rationale says it is not documented
        String rationale = item.rationale() + " Full range of motion is not documented in the records provided.";
        w.cases().save(c.withEdits(c.clinicalSummary(), List.of(item.withTexts(item.request(), item.claimsAdministratorGuideline(), item.reviewerGuideline(), rationale))));
        var checks = w.letters().signingChecks("EXAMPLE-0001");
        assertTrue(checks.stream().anyMatch(k -> k.key().startsWith("documented-after-all")
                && k.message().contains("page 1")), checks.toString());
    }

    @Test
    void aCaseFileDoesNotReplaceAFinalizedCase() throws Exception {
        Path packet = tmp.resolve("EXAMPLE-0001.zip");
        w.cases().export("EXAMPLE-0001", packet);
        LetterService.SignedLetter signed = w.letters().finalizeCase("EXAMPLE-0001", null);
        org.reviewdesk.store.StoreException e = assertThrows(org.reviewdesk.store.StoreException.class,
                () -> w.cases().importPath(packet, true));
        assertTrue(e.getMessage().contains("is finalized"), e.getMessage());
        assertTrue(w.cases().status("EXAMPLE-0001").locked(), "still finalized");
        assertArrayEquals(signed.pdf(), w.letters().signedLetter("EXAMPLE-0001").orElseThrow(), "its letter kept");
    }
}
