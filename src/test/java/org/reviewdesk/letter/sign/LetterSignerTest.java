package org.reviewdesk.letter.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetterSignerTest {
    private static SigningFixture fixture;
    private static byte[] signed;

    @BeforeAll
    static void signOnce() throws Exception {
        fixture = SigningFixture.get();
        signed = fixture.signedLetter();
    }

    @Test
    void signedLetterPassesAnIndependentPadesCheck() throws Exception {
        IndependentSignatureValidator.Result result =
                IndependentSignatureValidator.validate(signed, LetterSigner.FIELD_NAME);

        assertTrue(result.byteRangeCoversFileExceptContents(), "ByteRange covers all but /Contents");
        assertTrue(result.cmsSignatureVerifies(), "CMS signature verifies with the signer certificate");
        assertTrue(result.messageDigestMatches(), "message digest is the hash of the byte ranges");
        assertEquals("ETSI.CAdES.detached", result.subFilter());
        assertTrue(result.hasSigningCertificateV2(), "PAdES needs the signing-certificate-v2 attribute");
        assertTrue(result.signingCertificateV2Matches(), "signing-certificate-v2 names the signer certificate");
        assertFalse(result.hasSigningTimeAttribute(), "PAdES baseline forbids the CMS signing-time attribute");
        assertEquals(SigningFixture.REVIEWER, result.signerCommonName());
        assertEquals(fixture.identity.certificate(), result.certificate());
        assertNull(result.timeStampToken(), "no time-stamp without a TSA");
    }

    @Test
    void signingAppendsAnIncrementalUpdateAndLeavesTheLetterBytesAlone() {
        assertTrue(signed.length > fixture.letter.length);
        assertArrayEquals(fixture.letter, Arrays.copyOf(signed, fixture.letter.length));
    }

    @Test
    void ourVerifierReportsTheSignatureValid() throws Exception {
        VerificationReport report = SignatureVerifier.verify(signed, java.util.List.of(fixture.identity.certificate()));

        assertTrue(report.allValid(), report.toText());
        // without the certificate in the trust list, the same signature is intact but its signer unknown
        VerificationReport untrusted = SignatureVerifier.verify(signed);
        assertFalse(untrusted.allValid());
        assertTrue(untrusted.allIntact());
        assertEquals(SignatureCheck.Verdict.INTACT_UNTRUSTED, untrusted.verdict());
        SignatureCheck check = report.signatures().get(0);
        assertEquals(LetterSigner.FIELD_NAME, check.fieldName());
        assertEquals(SigningFixture.REVIEWER, check.signerName());
        assertEquals(SigningFixture.SIGNED_AT, check.signingTime());
        assertTrue(check.intact());
        assertTrue(check.coversWholeDocument());
        assertTrue(check.selfSigned());
        assertFalse(check.timestamped());
        assertEquals("PAdES B-B", check.profile());
        assertEquals(Certificates.sha256Fingerprint(fixture.identity.certificate()), check.sha256Fingerprint());
    }

    @Test
    void popplerPdfsigSaysValidAndTotalDocumentSigned(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signed.pdf");
        Files.write(file, signed);
        String output = ExternalChecks.pdfsig(file);
        assumeTrue(output != null, "poppler-utils (pdfsig) is not installed");

        assertTrue(output.contains("Signature is Valid."), output);
        assertTrue(output.contains("Total document signed"), output);
        assertTrue(output.contains(SigningFixture.REVIEWER), output);
    }

    @Test
    void letterIsPdfA2bBeforeAndAfterSigning() throws Exception {
        ExternalChecks.assertPdfA2b(fixture.letter, "the unsigned letter");
        ExternalChecks.assertPdfA2b(signed, "the signed letter");
    }

    @Test
    void aSignedLetterCannotBeSignedAgain() {
        SigningException e = assertThrows(SigningException.class, () -> fixture.signer.sign(signed,
                fixture.identity, TestLetters.look(SigningFixture.REVIEWER, 2), null, SigningFixture.SIGNED_AT));
        assertEquals("This letter already has a reviewer signature; sign the unsigned letter.", e.getMessage());
    }

    @Test
    void aBlockOnAPageTheLetterDoesNotHaveIsRefused() {
        SigningException e = assertThrows(SigningException.class, () -> fixture.signer.sign(fixture.letter,
                fixture.identity, TestLetters.look(SigningFixture.REVIEWER, 3), null, SigningFixture.SIGNED_AT));
        assertEquals("The letter has 2 page(s), so the signature block cannot go on page 3.", e.getMessage());
    }

    @Test
    void aBlockTooSmallForReadableTextIsRefused() {
        SignatureAppearance tiny = SignatureAppearance.of(SigningFixture.REVIEWER, 2, 72, 90, 60, 12);
        SigningException e = assertThrows(SigningException.class, () -> fixture.signer.sign(fixture.letter,
                fixture.identity, tiny, null, SigningFixture.SIGNED_AT));
        assertTrue(e.getMessage().startsWith("The space for the signature block (60 x 12 pt) is too small"),
                e.getMessage());
    }

    @Test
    void somethingThatIsNotAPdfIsRefusedWithAClearMessage() {
        byte[] notPdf = "Dear reviewer, this is a text file.".getBytes(StandardCharsets.UTF_8);
        SigningException e = assertThrows(SigningException.class, () -> fixture.signer.sign(notPdf,
                fixture.identity, TestLetters.look(SigningFixture.REVIEWER, 1), null, SigningFixture.SIGNED_AT));
        assertTrue(e.getMessage().startsWith("The letter is not a readable PDF: "), e.getMessage());
    }

    @Test
    void aCertificateThatExpiredSinceItWasLoadedCannotSign() {
        var afterExpiry = fixture.identity.notAfter().plus(Duration.ofDays(1));
        SigningException e = assertThrows(SigningException.class, () -> fixture.signer.sign(fixture.letter,
                fixture.identity, TestLetters.look(SigningFixture.REVIEWER, 2), null, afterExpiry));
        assertTrue(e.getMessage().startsWith("The signing certificate expired on "), e.getMessage());
    }

    @Test
    void theBundledFontIsFoundOnTheClassPath() throws Exception {
        LetterSigner fromClassPath = new LetterSigner();
        byte[] again = fromClassPath.sign(fixture.letter, fixture.identity,
                TestLetters.look(SigningFixture.REVIEWER, 2).withLocation("Sacramento, CA"), null,
                SigningFixture.SIGNED_AT);
        assertTrue(SignatureVerifier.verify(again, java.util.List.of(fixture.identity.certificate())).allValid());
        assertNotNull(again);
    }
}
