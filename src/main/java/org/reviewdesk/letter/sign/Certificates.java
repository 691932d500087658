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
final class Certificates {
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
}
