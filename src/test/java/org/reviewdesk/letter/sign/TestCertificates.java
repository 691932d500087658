package org.reviewdesk.letter.sign;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates the product would never make (expired, wrong key usage, a TSA's), built with BouncyCastle. */
final class TestCertificates {
    /** Smaller keys keep the tests fast; the product's own keys are 3072 bits. */
    private static final int TEST_KEY_BITS = 2048;

    private TestCertificates() {
    }

    record Issued(KeyPair keys, X509Certificate certificate) {
        PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    static KeyPair rsaKeys() throws Exception {
        return rsaKeys(TEST_KEY_BITS);
    }

    static KeyPair rsaKeys(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    /** A self-signed certificate valid between the two instants, with the given key usage bits (0 = none). */
    static Issued selfSigned(String dn, Instant notBefore, Instant notAfter, int keyUsage) throws Exception {
        return selfSigned(dn, notBefore, notAfter, keyUsage, TEST_KEY_BITS);
    }

    /** As {@link #selfSigned(String, Instant, Instant, int)} with an RSA key of {@code bits}. */
    static Issued selfSigned(String dn, Instant notBefore, Instant notAfter, int keyUsage, int bits) throws Exception {
        KeyPair keys = rsaKeys(bits);
        X500Name name = new X500Name(dn);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
        if (keyUsage != 0) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        }
        return new Issued(keys, sign(builder, keys.getPrivate()));
    }

    /** A time-stamping certificate: RFC 3161 requires the critical extended key usage timeStamping. */
    static Issued timeStampAuthority(Instant notBefore, Instant notAfter) throws Exception {
        KeyPair keys = rsaKeys();
        X500Name name = new X500Name("CN=Loopback Test TSA, O=ReviewDesk tests");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        return new Issued(keys, sign(builder, keys.getPrivate()));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
    }

    /** PKCS#12 bytes holding one key entry. */
    static byte[] pkcs12(Issued issued, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", issued.privateKey(), password, new Certificate[] {issued.certificate()});
        return store(store, password);
    }

    /** PKCS#12 bytes holding only a trusted certificate, no key: what a colleague's public certificate looks like. */
    static byte[] pkcs12CertificateOnly(X509Certificate cert, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("colleague", cert);
        return store(store, password);
    }

    private static byte[] store(KeyStore store, char[] password) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }
}
