package org.reviewdesk.letter.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Creates a self-signed signing key and certificate for a reviewer, as PKCS#12 bytes to keep in the store. */
public final class SelfSignedIdentity {
    /** RSA 3072 is NIST's size for use beyond 2030; generating it takes well under a second here. */
    static final int KEY_BITS = 3072;
    static final String ORGANIZATION = "ReviewDesk self-signed";
    static final String ALIAS = "reviewdesk-signing";
    /** RFC 5280's upper bound for a common name. */
    private static final int MAX_NAME_LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedIdentity() {
    }

    /** A new key and certificate for {@code name} (reviewer name or ID), valid from now for {@code validity}. */
    public static byte[] create(String name, Period validity, char[] password) throws SigningException {
        return create(name, validity, password, Clock.systemUTC());
    }

    /** As {@link #create(String, Period, char[])}, with the certificate starting at the clock's now. */
    public static byte[] create(String name, Period validity, char[] password, Clock clock)
            throws SigningException {
        String cn = name == null ? "" : name.strip();
        if (cn.isEmpty()) {
            throw new SigningException("Enter the name or reviewer ID to put on the signing certificate.");
        }
        if (!org.reviewdesk.files.Escape.controls(cn).equals(cn)) {
            // the name is printed on every letter's signature block and in the certificate: a right-to-left
            // override or a control character there reorders or hides what the recipient reads
            int at = -1;
            for (int i = 0; i < cn.length() && at < 0; i++) {
                char c = cn.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < cn.length()
                        && Character.isLowSurrogate(cn.charAt(i + 1));
                if (pair) {
                    i++;
                } else if (org.reviewdesk.files.Escape.unsafe(c) || Character.isSurrogate(c)) {
                    at = i;
                }
            }
            throw new SigningException("The name for the signing certificate holds the control character "
                    + String.format("\\u%04x", (int) cn.charAt(at)) + " (" + org.reviewdesk.files.Escape.controls(cn)
                    + "); type the name without it.");
        }
        if (cn.length() > MAX_NAME_LENGTH) {
            throw new SigningException("The name for the signing certificate is longer than " + MAX_NAME_LENGTH
                    + " characters; shorten it.");
        }
        if (password == null || password.length == 0) {
            throw new SigningException("Choose a password to protect the signing key.");
        }
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new SigningException("The certificate must be valid for at least one day.");
        }
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.atZone(ZoneOffset.UTC).plus(validity).toInstant();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, RANDOM);
            KeyPair keys = generator.generateKeyPair();
            X509Certificate cert = certificate(cn, keys, notBefore, notAfter);
            return pkcs12(keys, cert, password);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new SigningException("The signing certificate could not be created: " + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(String cn, KeyPair keys, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException, CertIOException, OperatorCreationException {
        // Most general RDN first, so the name reads "CN=<name>,O=ReviewDesk self-signed" in RFC 2253 order.
        // The builder escapes commas, plus signs and quotes a name may contain.
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANIZATION)
                .addRDN(BCStyle.CN, cn)
                .build();
        // A positive random serial of 159 bits: unique without a counter, within RFC 5280's 20 octets.
        BigInteger serial = new BigInteger(159, RANDOM).setBit(158);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static byte[] pkcs12(KeyPair keys, X509Certificate cert, char[] password)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }
}
