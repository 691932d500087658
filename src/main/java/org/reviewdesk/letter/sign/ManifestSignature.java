package org.reviewdesk.letter.sign;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A detached CMS (PKCS#7) signature over an archive bundle's manifest, made with the reviewer's
 * signing identity (BouncyCastle, already on the class path through iText's adapter). Any CMS tool can
 * check it: {@code openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json
 * -noverify}.
 */
public final class ManifestSignature {
    private ManifestSignature() {
    }

    /** Signs {@code content}; the result is DER bytes holding the signature and the signer's certificate chain. */
    public static byte[] sign(byte[] content, SigningIdentity id) throws SigningException {
        try {
            String alg = "SHA256with" + switch (id.privateKey().getAlgorithm()) {
                case "EC" -> "ECDSA";
                case "Ed25519", "EdDSA" -> "";
                default -> "RSA";
            };
            ContentSigner signer = new JcaContentSignerBuilder(alg.endsWith("with") ? "Ed25519" : alg)
                    .build(id.privateKey());
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(signer, id.certificate()));
            g.addCertificates(new JcaCertStore(id.chain()));
            return g.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (Exception e) {
            throw new SigningException("The bundle manifest could not be signed: " + e.getMessage(), e);
        }
    }

    /** What a detached signature says: the signer's certificate, the chain it carries, and whether it verifies. */
    public record Result(X509Certificate signer, List<X509Certificate> carried, boolean verifies) {
        public String fingerprint() {
            return Certificates.sha256Fingerprint(signer);
        }
    }

    /**
     * Checks a detached signature over {@code content}. Throws when the signature is not CMS at all or
     * carries no signer certificate; otherwise says whether it verifies.
     */
    public static Result verify(byte[] content, byte[] signature) throws SigningException {
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new SigningException("the manifest signature has " + signers.size() + " signers, not one");
            }
            SignerInformation si = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(si.getSID());
            if (matches.isEmpty()) {
                throw new SigningException("the manifest signature carries no signer certificate");
            }
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            X509Certificate cert = (X509Certificate) f.generateCertificate(
                    new ByteArrayInputStream(matches.iterator().next().getEncoded()));
            List<X509Certificate> carried = new java.util.ArrayList<>();
            for (Object h : cms.getCertificates().getMatches(null)) {
                carried.add((X509Certificate) f.generateCertificate(
                        new ByteArrayInputStream(((X509CertificateHolder) h).getEncoded())));
            }
            boolean ok;
            try {
                ok = si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            } catch (Exception e) {
                ok = false;
            }
            return new Result(cert, carried, ok);
        } catch (SigningException e) {
            throw e;
        } catch (Exception e) {
            throw new SigningException("the manifest signature is not a readable CMS signature ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** What makes a certificate trusted (see {@link SignatureVerifier}), or null. */
    public static String trustedBy(Result r, Collection<X509Certificate> trusted) {
        return Certificates.trustedBy(r.signer(), r.carried(), trusted);
    }
}
