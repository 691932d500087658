package org.reviewdesk.letter.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SigningIdentityTest {
    private static final char[] PASSWORD = SigningFixture.PASSWORD;
    private static SigningFixture fixture;

    @BeforeAll
    static void makeIdentity() throws Exception {
        fixture = SigningFixture.get();
    }

    @Test
    void aSelfSignedIdentityReadsBackWithNameKeyAndValidity() throws Exception {
        SigningIdentity id = fixture.identity;
        X509Certificate cert = id.certificate();

        assertEquals(SigningFixture.REVIEWER, id.signerName());
        assertEquals("CN=Dr. Example Reviewer,O=ReviewDesk self-signed",
                Certificates.text(cert.getSubjectX500Principal()));
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertTrue(Certificates.isSelfSigned(cert));
        assertEquals(3072, ((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength());
        assertEquals("SHA256withRSA", cert.getSigAlgName());
        assertArrayEquals(new boolean[] {true, true, false, false, false, false, false, false, false},
                cert.getKeyUsage(), "digitalSignature and nonRepudiation only");
        assertEquals(SigningFixture.CERT_START, cert.getNotBefore().toInstant());
        assertEquals(Instant.parse("2031-11-25T23:10:05Z"), id.notAfter());
        assertEquals(1, id.chain().size());
        assertEquals("RSA", id.privateKey().getAlgorithm());
        assertEquals("Dr. Example Reviewer (self-signed), valid until 2031-11-25", id.describe());
        assertTrue(cert.getSerialNumber().signum() > 0);
    }

    @Test
    void aReviewerIdWithACommaStaysOneName() throws Exception {
        Clock clock = Clock.fixed(SigningFixture.CERT_START, ZoneOffset.UTC);
        byte[] p12 = SelfSignedIdentity.create("Reviewer 4711, MD", Period.ofYears(1), PASSWORD, clock);
        SigningIdentity id = SigningIdentity.fromPkcs12(p12, PASSWORD, SigningFixture.SIGNED_AT);

        assertEquals("Reviewer 4711, MD", id.signerName());
        assertEquals("CN=Reviewer 4711\\, MD,O=ReviewDesk self-signed",
                Certificates.text(id.certificate().getSubjectX500Principal()), "the comma is escaped, not a new RDN");
        assertNotEquals(fixture.identity.certificate().getSerialNumber(), id.certificate().getSerialNumber(),
                "serial numbers are random");
    }

    /** A 1024-bit RSA key was taken and signed with; it is refused, and says why and what to do. */
    @Test
    void aKeyTooShortToSignIsRefused() throws Exception {
        var weak = TestCertificates.selfSigned("CN=Dr. Weak Key", SigningFixture.CERT_START,
                SigningFixture.CERT_START.plus(java.time.Duration.ofDays(365)), 0, 1024);
        byte[] p12 = TestCertificates.pkcs12(weak, PASSWORD);
        SigningException e = assertThrows(SigningException.class,
                () -> SigningIdentity.fromPkcs12(p12, PASSWORD, SigningFixture.SIGNED_AT));
        assertTrue(e.getMessage().startsWith("The signing key is a 1024-bit RSA key, too weak")
                && e.getMessage().contains("at least 2048 bits"), e.getMessage());
        var enough = TestCertificates.selfSigned("CN=Dr. Enough", SigningFixture.CERT_START,
                SigningFixture.CERT_START.plus(java.time.Duration.ofDays(365)), 0, 2048);
        assertEquals("Dr. Enough", SigningIdentity.fromPkcs12(TestCertificates.pkcs12(enough, PASSWORD), PASSWORD,
                SigningFixture.SIGNED_AT).signerName());
    }

    @Test
    void aWrongKeystorePasswordSaysSo() {
        SigningException e = assertThrows(SigningException.class,
                () -> SigningIdentity.fromPkcs12(fixture.p12, "wrong".toCharArray(), SigningFixture.SIGNED_AT));
        assertEquals("The keystore password is not correct.", e.getMessage());
    }

    @Test
    void aFileThatIsNotPkcs12SaysSo() {
        String expected = "The file is not a PKCS#12 keystore (.p12 or .pfx); "
                + "choose the file that holds your signing key and certificate.";
        byte[] pem = "-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);
        byte[] halfP12 = Arrays.copyOf(fixture.p12, fixture.p12.length / 2);
        for (byte[] notP12 : new byte[][] {fixture.letter, pem, new byte[0], halfP12}) {
            SigningException e = assertThrows(SigningException.class,
                    () -> SigningIdentity.fromPkcs12(notP12, PASSWORD, SigningFixture.SIGNED_AT));
            assertEquals(expected, e.getMessage());
        }
    }

    @Test
    void aKeystoreWithOnlyACertificateSaysThereIsNoKey() throws Exception {
        byte[] certOnly = TestCertificates.pkcs12CertificateOnly(fixture.identity.certificate(), PASSWORD);
        SigningException e = assertThrows(SigningException.class,
                () -> SigningIdentity.fromPkcs12(certOnly, PASSWORD, SigningFixture.SIGNED_AT));
        assertTrue(e.getMessage().startsWith("The keystore holds no private key"), e.getMessage());
    }

    @Test
    void anExpiredCertificateNamesTheDayItExpired() throws Exception {
        TestCertificates.Issued expired = TestCertificates.selfSigned("CN=Dr. Lapsed, O=Elsewhere",
                Instant.parse("2023-01-31T12:00:00Z"), Instant.parse("2024-01-31T12:00:00Z"),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        byte[] p12 = TestCertificates.pkcs12(expired, PASSWORD);
        SigningException e = assertThrows(SigningException.class, () -> SigningIdentity.fromPkcs12(p12, PASSWORD));
        assertEquals("The signing certificate expired on 2024-01-31; create or import a new one.", e.getMessage());
    }

    @Test
    void aCertificateNotYetValidSaysFromWhen() throws Exception {
        TestCertificates.Issued future = TestCertificates.selfSigned("CN=Dr. Early",
                Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2030-03-01T00:00:00Z"),
                KeyUsage.digitalSignature);
        byte[] p12 = TestCertificates.pkcs12(future, PASSWORD);
        SigningException e = assertThrows(SigningException.class,
                () -> SigningIdentity.fromPkcs12(p12, PASSWORD, SigningFixture.SIGNED_AT));
        assertEquals("The signing certificate is not valid before 2027-03-01; check the computer's date and time, "
                + "or use another certificate.", e.getMessage());
    }

    @Test
    void anEncryptionOnlyCertificateCannotSign() throws Exception {
        TestCertificates.Issued encryption = TestCertificates.selfSigned("CN=Mail Only",
                SigningFixture.CERT_START, SigningFixture.CERT_START.plusSeconds(86_400 * 30),
                KeyUsage.keyEncipherment);
        byte[] p12 = TestCertificates.pkcs12(encryption, PASSWORD);
        SigningException e = assertThrows(SigningException.class,
                () -> SigningIdentity.fromPkcs12(p12, PASSWORD, SigningFixture.SIGNED_AT));
        assertTrue(e.getMessage().startsWith("The certificate in the keystore may not be used to sign documents"),
                e.getMessage());
    }

    @Test
    void aCertificateNeedsANameAndAPassword() {
        SigningException noName = assertThrows(SigningException.class,
                () -> SelfSignedIdentity.create("  ", Period.ofYears(1), PASSWORD));
        assertEquals("Enter the name or reviewer ID to put on the signing certificate.", noName.getMessage());
        SigningException noPassword = assertThrows(SigningException.class,
                () -> SelfSignedIdentity.create("Dr. A", Period.ofYears(1), new char[0]));
        assertEquals("Choose a password to protect the signing key.", noPassword.getMessage());
        SigningException longName = assertThrows(SigningException.class,
                () -> SelfSignedIdentity.create("x".repeat(65), Period.ofYears(1), PASSWORD));
        assertTrue(longName.getMessage().contains("longer than 64 characters"), longName.getMessage());
    }

    /**
     * The name goes onto every letter's signature block and into the certificate: a right-to-left override would
     * show "Dr. Smith" reversed or reordered to the recipient, a BEL or ESC would drive a terminal that prints it.
     * Before, keygen took such a name into the store's identity and printed it raw.
     */
    @Test
    void aNameWithAControlOrBidiCharacterIsRefusedAndAnEmojiOrAccentIsNot() throws Exception {
        String[][] bad = {{"Dr. \u202eHtims", "\\u202e"}, {"Reviewer\u0007 1", "\\u0007"},
            {"A\u001b[2J", "\\u001b"}, {"R\u2066x", "\\u2066"}, {"x\ud800y", "\\ud800"},
            {"\ud83d\ude00 Dr.\u200f B", "\\u200f"}};
        for (String[] b : bad) {
            SigningException e = assertThrows(SigningException.class,
                    () -> SelfSignedIdentity.create(b[0], Period.ofYears(1), PASSWORD), b[1]);
            assertTrue(e.getMessage().startsWith("The name for the signing certificate holds the control character "
                    + b[1] + " ("), e.getMessage());
            assertTrue(e.getMessage().chars().noneMatch(c -> org.reviewdesk.files.Escape.unsafe((char) c)),
                    "the message itself is safe to print: " + e.getMessage());
        }
        for (String good : new String[] {"Dr. Zo\u00eb M\u00fcller-\u00d8stby", "\ud83d\ude00 Dr. B", "Reviewer 4711"}) {
            byte[] p12 = SelfSignedIdentity.create(good, Period.ofYears(1), PASSWORD);
            assertEquals(good, SigningIdentity.fromPkcs12(p12, PASSWORD).signerName());
        }
    }

    @Test
    void theIdentityNeverPrintsItsKey() {
        String text = fixture.identity.toString();
        assertEquals("SigningIdentity[Dr. Example Reviewer (self-signed), valid until 2031-11-25]", text);
    }
}
