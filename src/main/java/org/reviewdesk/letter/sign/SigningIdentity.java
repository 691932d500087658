package org.reviewdesk.letter.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/** A private key and its certificate chain, read from a PKCS#12 (.p12/.pfx) file, ready to sign letters. */
public final class SigningIdentity {
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private SigningIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = chain;
    }

    /** Reads the first key entry of a PKCS#12 file and checks its certificate is valid now. */
    public static SigningIdentity fromPkcs12(byte[] p12, char[] password) throws SigningException {
        return fromPkcs12(p12, password, Instant.now());
    }

    /** As {@link #fromPkcs12(byte[], char[])}, checking validity at {@code now}. */
    public static SigningIdentity fromPkcs12(byte[] p12, char[] password, Instant now) throws SigningException {
        if (p12 == null || p12.length == 0) {
            throw notPkcs12(null);
        }
        KeyStore store = load(p12, password);
        SigningIdentity identity = firstKeyEntry(store, password);
        identity.checkUsableAt(now);
        return identity;
    }

    private static KeyStore load(byte[] p12, char[] password) throws SigningException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(p12), password);
            return store;
        } catch (IOException e) {
            // The JDK reports a failed integrity check (wrong password) as an IOException caused by
            // UnrecoverableKeyException; anything else means the bytes are not a PKCS#12 store.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new SigningException("The keystore password is not correct.", e);
            }
            throw notPkcs12(e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw notPkcs12(e);
        }
    }

    private static SigningException notPkcs12(Exception cause) {
        return new SigningException("The file is not a PKCS#12 keystore (.p12 or .pfx); "
                + "choose the file that holds your signing key and certificate.", cause);
    }

    private static SigningIdentity firstKeyEntry(KeyStore store, char[] password) throws SigningException {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] certs = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && certs != null && certs.length > 0) {
                    return new SigningIdentity(privateKey, x509(certs));
                }
            }
        } catch (UnrecoverableKeyException e) {
            // The store opened but its key has a different password than the store itself.
            throw new SigningException("The keystore password is not correct.", e);
        } catch (GeneralSecurityException e) {
            throw notPkcs12(e);
        }
        throw new SigningException("The keystore holds no private key with a certificate; "
                + "import the .p12 file that contains your own signing key, not only certificates.");
    }

    private static List<X509Certificate> x509(Certificate[] certs) throws SigningException {
        X509Certificate[] out = new X509Certificate[certs.length];
        for (int i = 0; i < certs.length; i++) {
            if (!(certs[i] instanceof X509Certificate x)) {
                throw new SigningException("The keystore's certificate is not an X.509 certificate; "
                        + "create or import a new signing certificate.");
            }
            out[i] = x;
        }
        return List.of(out);
    }

    /** Refuses a certificate outside its validity at {@code now}, or one not meant for signing. */
    void checkUsableAt(Instant now) throws SigningException {
        X509Certificate cert = certificate();
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw new SigningException("The signing certificate expired on " + day(cert.getNotAfter().toInstant())
                    + "; create or import a new one.");
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw new SigningException("The signing certificate is not valid before "
                    + day(cert.getNotBefore().toInstant())
                    + "; check the computer's date and time, or use another certificate.");
        }
        checkStrength(cert.getPublicKey());
        boolean[] usage = cert.getKeyUsage();
        // Bits 0 and 1 are digitalSignature and nonRepudiation; no extension at all means any use.
        if (usage != null && !usage[0] && !(usage.length > 1 && usage[1])) {
            throw new SigningException("The certificate in the keystore may not be used to sign documents "
                    + "(its key usage does not allow digital signatures); use a signing certificate.");
        }
    }

    /**
     * Refuses a key too short to sign a record meant to be checked for years: RSA and DSA under 2048 bits, elliptic
     * curves under 256 (NIST SP 800-131A and ETSI TS 119 312 disallow them for new signatures). A 1024-bit key was
     * taken and signed with.
     */
    static void checkStrength(java.security.PublicKey key) throws SigningException {
        int bits;
        int least;
        String kind;
        if (key instanceof java.security.interfaces.RSAKey rsa) {
            bits = rsa.getModulus().bitLength();
            least = 2048;
            kind = "RSA";
        } else if (key instanceof java.security.interfaces.DSAKey dsa && dsa.getParams() != null) {
            bits = dsa.getParams().getP().bitLength();
            least = 2048;
            kind = "DSA";
        } else if (key instanceof java.security.interfaces.ECKey ec) {
            bits = ec.getParams().getOrder().bitLength();
            least = 256;
            kind = "elliptic-curve";
        } else {
            return;
        }
        if (bits < least) {
            throw new SigningException("The signing key is a " + bits + "-bit " + kind + " key, too weak for a "
                    + "signature that must hold for years (at least " + least + " bits); create a new signing "
                    + "certificate in Settings or ask your certificate provider for a stronger one.");
        }
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The common name (CN) of the certificate subject, e.g. the reviewer's name. */
    public String signerName() {
        return Certificates.commonName(certificate().getSubjectX500Principal());
    }

    /** The signing certificate (first in the chain). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The certificate chain, signing certificate first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The private key; never leaves the process. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The last instant the certificate is valid. */
    public Instant notAfter() {
        return certificate().getNotAfter().toInstant();
    }

    /** One line for the settings screen, e.g. "Dr. A. Reviewer (self-signed), valid until 2031-11-26". */
    public String describe() {
        X509Certificate cert = certificate();
        String issuer = Certificates.isSelfSigned(cert)
                ? "self-signed"
                : "issued by " + Certificates.commonName(cert.getIssuerX500Principal());
        return signerName() + " (" + issuer + "), valid until " + day(notAfter());
    }

    @Override
    public String toString() {
        // Never the key: identities end up in exception messages and debugger views.
        return "SigningIdentity[" + describe() + "]";
    }

    Certificate[] chainArray() {
        return chain.toArray(new Certificate[0]);
    }
}
