package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Item;
import org.reviewdesk.domain.Reviewer;
import org.reviewdesk.letter.PdfA;
import org.reviewdesk.letter.PdfTools;
import org.reviewdesk.letter.sign.SelfSignedIdentity;
import org.reviewdesk.letter.sign.SignatureVerifier;
import org.reviewdesk.letter.sign.SigningException;
import org.reviewdesk.letter.sign.SigningIdentity;

/** Signing a stored case's letter: refused while incomplete; when done, kept with the case and dated. */
class LetterSigningTest {
    @TempDir
    Path tmp;
    private Workbench w;

    @BeforeEach
    void open() throws Exception {
        w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false);
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void theSampleCaseIsSignedKeptWithTheCaseAndGetsItsDecisionDate() throws Exception {
        w.letters().createIdentity("Reviewer 4711");
        LetterService.SignedLetter s = w.letters().sign("EXAMPLE-0001", null);

        assertEquals(LocalDate.now(), s.decisionDate());
        assertEquals(LocalDate.now(), w.cases().get("EXAMPLE-0001").decisionDate());
        assertEquals(LetterService.sha256(s.pdf()), s.sha256());
        byte[] kept = w.letters().signedLetter("EXAMPLE-0001").orElseThrow();
        assertEquals(s.sha256(), LetterService.sha256(kept));
        // the store's own identity is trusted on creation: VALID with the store's trust list
        var report = w.letters().verifyTrusted(kept, List.of());
        assertTrue(report.allValid(), report.toText());
        assertFalse(SignatureVerifier.verify(kept).allValid(), "a recipient without the certificate: not trusted");
        assertTrue(SignatureVerifier.verify(kept).allIntact());
        var head = org.reviewdesk.store.AuditLog.Head.parse(report.signatures().get(0).auditHead());
        long signedAt = w.auditEntries().stream().filter(e -> e.action().equals("LETTER_SIGNED")).findFirst()
                .orElseThrow().id();
        assertTrue(head.id() > 0 && head.id() < signedAt, "the letter anchors the audit head before it was signed");
        assertEquals(head.hash(), w.auditEntries().stream().filter(e -> e.id() == head.id()).findFirst().orElseThrow()
                .hash());
        assertEquals("Reviewer 4711", report.signatures().get(0).signerName());
        PdfA.assertCompliant2b(kept, "the signed sample letter");

        Path pdf = PdfTools.write(tmp, "signed.pdf", kept);
        String sig = PdfTools.run(List.of("pdfsig", pdf.toString()));
        assertTrue(sig.contains("Signature is Valid.") && sig.contains("Total document signed"), sig);
        String text = PdfTools.pdftotext(pdf, null, null);
        assertTrue(text.contains(LetterComposerDates.today()), "the decision date is printed: " + text);
    }

    @Test
    void theHeaderDatesACaseLacksAreNamedForTheWarningBeforeSigning() throws Exception {
        // the sample carries all four, as every real letter prints them
        assertEquals(List.of(), w.letters().headerGaps("EXAMPLE-0001"));
        String bare = "{\"format\":\"reviewdesk-case/1\",\"caseNumber\":\"CM99-0000004\",\"dateOfInjury\":"
                + "\"2015-03-02\",\"items\":[{\"request\":\"x\"}]}";
        Path f = tmp.resolve("bare.json");
        java.nio.file.Files.writeString(f, bare);
        w.cases().importPath(f, false);
        assertEquals(List.of("Date Assigned", "UR Denial Date", "Application Received"),
                w.letters().headerGaps("CM99-0000004"));
    }

    @Test
    void signingIsRefusedWithTheListOfWhatIsMissing() throws Exception {
        w.letters().createIdentity("Reviewer 4711");
        CaseFile c = w.cases().get("EXAMPLE-0001");
        Item undecided = new Item("MRI of the lumbar spine", null, null, "Decision based on MTUS.", "  ", "",
                null, null);
        w.cases().save(c.withEdits(c.clinicalSummary(), List.of(c.items().get(0), undecided))
                .withReviewer(new Reviewer(List.of(), List.of())));

        LetterNotReadyException e = assertThrows(LetterNotReadyException.class,
                () -> w.letters().sign("EXAMPLE-0001", null));
        assertEquals(List.of(
                "Item 2 (MRI of the lumbar spine): no decision (Upheld or Overturned).",
                "Item 2 (MRI of the lumbar spine): the MAXIMUS guideline is empty.",
                "Item 2 (MRI of the lumbar spine): the decision rationale is empty.",
                "The reviewer's state(s) of licensure are not set (Settings, reviewer profile).",
                "The reviewer's certification(s)/specialty are not set (Settings, reviewer profile)."), e.missing());
        assertTrue(w.letters().signedLetter("EXAMPLE-0001").isEmpty(), "nothing signed, nothing kept");
        assertEquals(null, w.cases().get("EXAMPLE-0001").decisionDate());
    }

    @Test
    void aRationaleThatContradictsItsDecisionIsNotSigned() throws Exception {
        w.letters().createIdentity("Reviewer 4711");
        CaseFile c = w.cases().get("EXAMPLE-0001");
        w.cases().save(c.withEdits(c.clinicalSummary(), List.of(c.items().get(0)
                .withDecision(org.reviewdesk.domain.Decision.OVERTURNED))));
        LetterNotReadyException e = assertThrows(LetterNotReadyException.class,
                () -> w.letters().sign("EXAMPLE-0001", null));
        assertEquals(1, e.missing().size(), e.missing().toString());
        assertTrue(e.missing().get(0).contains("Overturned"), e.missing().get(0));
        assertTrue(w.letters().signedLetter("EXAMPLE-0001").isEmpty());
    }

    @Test
    void aPartyMatchingADeclaredAffiliationIsAPossibleConflict() throws Exception {
        w.letters().saveProfile(new ReviewerProfile("R", List.of("California"), List.of("Family Practice"), "",
                List.of("Acme Insurance Company, Inc.", "Valley Ortho Group")));
        CaseFile c = w.cases().get("EXAMPLE-0001");
        CaseFile withParties = new CaseFile(c.caseNumber(), c.priority(), c.reviewType(), c.dateAssigned(),
                c.dateOfInjury(), c.urDenialDate(), c.applicationReceived(), c.decisionDate(), c.dueDate(),
                c.organization(), c.reviewer(), new org.reviewdesk.domain.Parties(null,
                new org.reviewdesk.domain.Party("Garage Ltd"), new org.reviewdesk.domain.Party("ACME Insurance Co."),
                null), c.clinicalSummary(), c.items(), c.documents(), c.evidence());
        assertEquals(List.of("The claims administrator, ACME Insurance Co., matches your declared affiliation "
                + "\"Acme Insurance Company, Inc.\"."), w.letters().conflicts(withParties));
        assertTrue(w.letters().conflicts(c).isEmpty(), "no parties, no conflict");
    }

    @Test
    void theProfileSuppliesCredentialsACaseLacks() throws Exception {
        CaseFile c = w.cases().get("EXAMPLE-0001");
        w.cases().save(c.withReviewer(null));
        w.letters().saveProfile(new ReviewerProfile("Reviewer 4711", List.of("California"),
                List.of("Internal Medicine"), ""));
        w.letters().createIdentity("Reviewer 4711");
        byte[] pdf = w.letters().sign("EXAMPLE-0001", null).pdf();
        String text = PdfTools.pdftotext(PdfTools.write(tmp, "l.pdf", pdf), null, null);
        assertTrue(text.contains("State(s) of Licensure: California"), text);
        assertTrue(text.contains("Certification(s)/Specialty: Internal Medicine"), text);
        assertEquals(List.of("California"), w.cases().get("EXAMPLE-0001").reviewer().licensure());
    }

    @Test
    void withoutASigningIdentityTheMessageSaysWhatToDo() {
        SigningException e = assertThrows(SigningException.class, () -> w.letters().sign("EXAMPLE-0001", null));
        assertTrue(e.getMessage().contains("no signing identity"), e.getMessage());
    }

    @Test
    void anImportedKeystoreIsCheckedAndUsed() throws Exception {
        byte[] p12 = SelfSignedIdentity.create("Dr. Imported", Period.ofYears(1), "kpw".toCharArray());
        SigningException wrong = assertThrows(SigningException.class,
                () -> w.letters().importIdentity(p12, "nope".toCharArray()));
        assertEquals("The keystore password is not correct.", wrong.getMessage());
        assertTrue(w.letters().storedIdentity().isEmpty());
        w.letters().importIdentity(p12, "kpw".toCharArray());
        SigningIdentity id = w.letters().storedIdentity().orElseThrow();
        assertEquals("Dr. Imported", id.signerName());
        assertFalse(SignatureVerifier.verify(w.letters().sign("EXAMPLE-0001", null).pdf()).signatures().isEmpty());
    }
}
