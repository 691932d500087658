package org.reviewdesk.letter.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PAdES B-T against a real RFC 3161 server on the loopback interface. */
class TimeStampedSigningTest {

    @Test
    void aTimeStampFromTheServerMakesItPadesBt(@TempDir Path dir) throws Exception {
        SigningFixture fixture = SigningFixture.get();
        byte[] signed;
        try (LoopbackTimeStampServer tsa = LoopbackTimeStampServer.start()) {
            signed = fixture.signer.sign(fixture.letter, fixture.identity,
                    TestLetters.look(SigningFixture.REVIEWER, 2), tsa.url(), SigningFixture.SIGNED_AT);
            assertEquals(1, tsa.requests());
        }

        SignatureCheck check = SignatureVerifier.verify(signed).signatures().get(0);
        assertTrue(check.intactAndWhole(), SignatureVerifier.verify(signed).toText());
        assertTrue(check.timestamped());
        assertEquals("PAdES B-T", check.profile());
        assertTrue(Duration.between(check.timestamp(), Instant.now()).abs().toMinutes() < 5, "the TSA's time");
        assertTrue(SignatureVerifier.verify(signed).toText().contains("(PAdES B-T)"));

        IndependentSignatureValidator.Result independent =
                IndependentSignatureValidator.validate(signed, LetterSigner.FIELD_NAME);
        assertTrue(independent.valid());
        assertNotNull(independent.timeStampToken(), "signature-time-stamp unsigned attribute");
        assertTrue(independent.timeStampVerifies(), "token signed by the TSA over this signature's value");

        ExternalChecks.assertPdfA2b(signed, "the time-stamped letter");
        Path file = dir.resolve("signed-bt.pdf");
        Files.write(file, signed);
        String output = ExternalChecks.pdfsig(file);
        assumeTrue(output != null, "poppler-utils (pdfsig) is not installed");
        assertTrue(output.contains("Signature is Valid."), output);
        assertTrue(output.contains("Total document signed"), output);
    }

    @Test
    void anUnreachableTimeStampServerSaysWhatToDo() throws Exception {
        SigningFixture fixture = SigningFixture.get();
        String url;
        try (LoopbackTimeStampServer tsa = LoopbackTimeStampServer.start()) {
            url = tsa.url();
        }
        // The server is closed now: the port refuses connections.
        SigningException e = assertThrows(SigningException.class, () -> fixture.signer.sign(fixture.letter,
                fixture.identity, TestLetters.look(SigningFixture.REVIEWER, 2), url, SigningFixture.SIGNED_AT));
        assertTrue(e.getMessage().startsWith("The time-stamp server " + url + " did not give a time-stamp ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("check its address and the network, or sign without a time-stamp."),
                e.getMessage());
    }
}
