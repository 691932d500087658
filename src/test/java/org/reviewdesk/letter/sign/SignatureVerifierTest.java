package org.reviewdesk.letter.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    private static SigningFixture fixture;
    private static byte[] signed;

    @BeforeAll
    static void signOnce() throws Exception {
        fixture = SigningFixture.get();
        signed = fixture.signedLetter();
    }

    @Test
    void oneChangedByteInAPageContentStreamMakesTheSignatureInvalid() throws Exception {
        byte[] tampered = signed.clone();
        int at = insidePageContentStream(tampered, 0);
        tampered[at] ^= 0x01;

        VerificationReport report = SignatureVerifier.verify(tampered);
        assertFalse(report.allValid(), report.toText());
        SignatureCheck check = report.signatures().get(0);
        assertFalse(check.intact(), "the signed bytes no longer hash to the signed digest");
        assertTrue(report.toText().contains("INVALID (the signed content was changed"), report.toText());

        IndependentSignatureValidator.Result independent =
                IndependentSignatureValidator.validate(tampered, LetterSigner.FIELD_NAME);
        assertFalse(independent.valid(), "the independent check agrees");
        assertFalse(independent.messageDigestMatches());
    }

    @Test
    void oneChangedByteInTheSignatureDictionaryMakesTheSignatureInvalid() throws Exception {
        byte[] tampered = signed.clone();
        // The /M date sits in the signed part of the signature dictionary: move the year by one.
        int at = indexOf(tampered, "/M(D:2026".getBytes(StandardCharsets.US_ASCII), fixture.letter.length);
        tampered[at + "/M(D:202".length()] = '7';

        assertFalse(SignatureVerifier.verify(tampered).allValid());
        assertFalse(IndependentSignatureValidator.validate(tampered, LetterSigner.FIELD_NAME).valid());
    }

    @Test
    void aDamagedSignatureValueIsReportedNotValidInsteadOfFailing() throws Exception {
        byte[] tampered = signed.clone();
        int contents = indexOf(tampered, "/Contents <".getBytes(StandardCharsets.US_ASCII), fixture.letter.length)
                + "/Contents <".length();
        Arrays.fill(tampered, contents, contents + 40, (byte) 'F');

        VerificationReport report = SignatureVerifier.verify(tampered);
        assertEquals(1, report.signatures().size());
        assertFalse(report.allValid(), report.toText());
        assertTrue(report.toText().startsWith("Signature ReviewerSignature: INVALID ("), report.toText());
    }

    @Test
    void bytesAppendedAfterTheSignatureAreReportedAsNotCovered() throws Exception {
        byte[] appended = Arrays.copyOf(signed, signed.length + 12);
        System.arraycopy("\n% appended".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 11);

        VerificationReport report = SignatureVerifier.verify(appended);
        SignatureCheck check = report.signatures().get(0);
        assertTrue(check.intact(), "what was signed is still intact");
        assertFalse(check.coversWholeDocument());
        assertFalse(report.allValid());
        assertTrue(report.toText().contains("INVALID (content was added after the signature)"), report.toText());
        assertFalse(IndependentSignatureValidator.validate(appended, LetterSigner.FIELD_NAME)
                .byteRangeCoversFileExceptContents());
    }

    @Test
    void anIncrementalUpdateThatChangesTheTitleAfterSigningIsReportedAsNotCovered() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)), new PdfWriter(out),
                new StampingProperties().useAppendMode())) {
            pdf.getDocumentInfo().setTitle("Overturned after signing");
        }
        VerificationReport report = SignatureVerifier.verify(out.toByteArray());

        assertTrue(report.signatures().get(0).intact());
        assertFalse(report.signatures().get(0).coversWholeDocument());
        assertFalse(report.allValid());
    }

    @Test
    void anUnsignedLetterHasNoSignaturesAndIsNotValid() throws Exception {
        VerificationReport report = SignatureVerifier.verify(fixture.letter);

        assertTrue(report.signatures().isEmpty());
        assertFalse(report.allValid());
        assertEquals("No digital signature found: the document is not signed.\n", report.toText());
    }

    @Test
    void aFileThatIsNotAPdfGivesAClearMessage() {
        byte[] text = "Dear reviewer,\nthis is not a PDF.\n".getBytes(StandardCharsets.UTF_8);
        SigningException e = assertThrows(SigningException.class, () -> SignatureVerifier.verify(text));
        assertEquals("The file is not a readable PDF: PDF header not found.", e.getMessage());
    }

    @Test
    void aPasswordProtectedFileGivesAClearMessage() throws Exception {
        byte[] locked = org.reviewdesk.record.TestRecords.protectedPdf("open sesame", java.util.List.of(
                java.util.List.of("a letter")));
        SigningException e = assertThrows(SigningException.class, () -> SignatureVerifier.verify(locked));
        assertTrue(e.getMessage().startsWith("The file is protected by a password"), e.getMessage());
        assertFalse(e.getMessage().contains("PdfReader"), e.getMessage());
    }

    @Test
    void aTruncatedSignedFileIsNeverReportedValid() {
        byte[] truncated = Arrays.copyOf(signed, signed.length - 200);
        try {
            assertFalse(SignatureVerifier.verify(truncated).allValid());
        } catch (SigningException e) {
            assertTrue(e.getMessage().startsWith("The file is not a readable PDF: "), e.getMessage());
        }
    }

    @Test
    void theTextReportReadsLikeTheVerifyCommandShowsIt() throws Exception {
        String text = SignatureVerifier.verify(signed, java.util.List.of(fixture.identity.certificate())).toText();
        String fingerprint = Certificates.sha256Fingerprint(fixture.identity.certificate());

        assertTrue(text.startsWith("Signature ReviewerSignature: VALID\n"), text);
        assertTrue(text.contains("\n  Certificate SHA-256 fingerprint: " + fingerprint + "\n"), text);
        assertTrue(text.contains("\n  Signer trusted: yes (the certificate is in the trust list)"), text);
        String untrusted = SignatureVerifier.verify(signed).toText();
        assertTrue(untrusted.startsWith("Signature ReviewerSignature: INTACT, SIGNER NOT TRUSTED\n"), untrusted);
        assertTrue(untrusted.contains("\n  Signer trusted: NO: a self-signed certificate"), untrusted);
        assertTrue(text.contains("\n  Signer: Dr. Example Reviewer\n"), text);
        assertTrue(text.contains("\n  Signed at: 2026-11-26 23:10:05 UTC\n"), text);
        assertTrue(text.contains("\n  Covers the whole document: yes\n"), text);
        assertTrue(text.contains("\n  Certificate: CN=Dr. Example Reviewer,O=ReviewDesk self-signed, issued by "
                + "CN=Dr. Example Reviewer,O=ReviewDesk self-signed (self-signed), valid 2026-11-25 to 2031-11-25, "
                + "SHA-256 " + fingerprint + "\n"), text);
        assertTrue(text.contains("\n  Time-stamp: none (PAdES B-B)\n"), text);
    }

    /** An offset in the middle of the data of page {@code index}'s content stream, found with PDFBox. */
    private static int insidePageContentStream(byte[] pdf, int index) throws Exception {
        int objectNumber;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSObject contents = (COSObject) document.getPage(index).getCOSObject().getItem(COSName.CONTENTS);
            objectNumber = (int) contents.getKey().getNumber();
        }
        int object = indexOf(pdf, ("\n" + objectNumber + " 0 obj").getBytes(StandardCharsets.US_ASCII), 0);
        int data = indexOf(pdf, "stream\n".getBytes(StandardCharsets.US_ASCII), object) + "stream\n".length();
        int end = indexOf(pdf, "endstream".getBytes(StandardCharsets.US_ASCII), data);
        return data + (end - data) / 2;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + new String(needle, StandardCharsets.US_ASCII));
    }
}
