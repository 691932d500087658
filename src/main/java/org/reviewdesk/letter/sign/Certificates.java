package org.reviewdesk.letter.sign;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Small facts about X.509 certificates that the identity, the signer and the verifier all show. */
public final class Certificates {
    private Certificates() {
    }

    /** The first CN of a name, unescaped; the whole name when it has no CN. */
    static String commonName(X500Principal principal) {
        X500Name name = X500Name.getInstance(principal.getEncoded());
        RDN[] cns = name.getRDNs(BCStyle.CN);
        if (cns.length == 0) {
            return principal.getName(X500Principal.RFC2253);
        }
        ASN1Encodable value = cns[0].getFirst().getValue();
        // ASN1String gives the plain text; toString() would keep RFC 4514 escapes such as "\,".
        return value instanceof ASN1String s ? s.getString() : value.toString();
    }

    /** The name as RFC 2253 text, e.g. {@code CN=Dr. A,O=ReviewDesk self-signed}. */
    static String text(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }

    /** True when the certificate names itself as issuer and its own key verifies it. */
    static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** SHA-256 of the DER certificate as colon-separated upper-case hex, as browsers show it. */
    static String sha256Fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * What makes {@code signing} trusted: its own fingerprint in {@code trusted}, or a chain of CA
     * certificates (from {@code carried}, each verifying the one below) up to one in {@code trusted} or
     * issued by one. Null when nothing does.
     */
    static String trustedBy(X509Certificate signing, java.util.Collection<? extends java.security.cert.Certificate>
            carried, java.util.Collection<X509Certificate> trusted) {
        java.util.Set<String> anchors = new java.util.HashSet<>();
        for (X509Certificate t : trusted) {
            anchors.add(sha256Fingerprint(t));
        }
        if (anchors.contains(sha256Fingerprint(signing))) {
            return "the certificate is in the trust list";
        }
        X509Certificate current = signing;
        for (int depth = 0; depth < 8; depth++) {
            for (X509Certificate t : trusted) {
                if (issues(t, current)) {
                    return "issued by the trusted CA " + commonName(t.getSubjectX500Principal());
                }
            }
            X509Certificate next = null;
            for (java.security.cert.Certificate c : carried) {
                if (c instanceof X509Certificate x && !x.equals(current) && issues(x, current)) {
                    next = x;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            if (anchors.contains(sha256Fingerprint(next))) {
                return "issued by the trusted CA " + commonName(next.getSubjectX500Principal());
            }
            current = next;
        }
        return null;
    }

    /** Whether {@code ca} is a CA certificate whose key verifies {@code cert} and whose subject is its issuer. */
    private static boolean issues(X509Certificate ca, X509Certificate cert) {
        if (!ca.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) || ca.getBasicConstraints() < 0) {
            return false;
        }
        try {
            cert.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Reads one X.509 certificate from PEM or DER bytes (a .pem, .cer or .crt file). */
    public static X509Certificate read(byte[] bytes) throws SigningException {
        try {
            java.security.cert.CertificateFactory f = java.security.cert.CertificateFactory.getInstance("X.509");
            return (X509Certificate) f.generateCertificate(new java.io.ByteArrayInputStream(bytes));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SigningException("The file is not an X.509 certificate (.pem, .cer or .crt)", e);
        }
    }

    /** The SHA-256 fingerprint of a certificate, as {@link #sha256Fingerprint(X509Certificate)}. */
    public static String fingerprint(X509Certificate cert) {
        return sha256Fingerprint(cert);
    }

    /** The certificate's subject common name. */
    public static String name(X509Certificate cert) {
        return commonName(cert.getSubjectX500Principal());
    }
}
