package org.reviewdesk.letter.sign;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks a signed PDF with PDFBox and BouncyCastle CMS only, sharing no code with the signer, so a bug in
 * how the product signs cannot hide itself in how the product verifies.
 */
final class IndependentSignatureValidator {
    private IndependentSignatureValidator() {
    }

    /** Everything checked about one signature. */
    record Result(String subFilter, boolean byteRangeCoversFileExceptContents, boolean cmsSignatureVerifies,
                  boolean messageDigestMatches, boolean hasSigningCertificateV2, boolean signingCertificateV2Matches,
                  boolean hasSigningTimeAttribute, String signerCommonName, X509Certificate certificate,
                  TimeStampToken timeStampToken, boolean timeStampVerifies) {
        boolean valid() {
            return byteRangeCoversFileExceptContents && cmsSignatureVerifies && messageDigestMatches;
        }
    }

    static Result validate(byte[] file, String fieldName) throws Exception {
        try (PDDocument document = Loader.loadPDF(file)) {
            for (PDSignatureField field : document.getSignatureFields()) {
                if (fieldName.equals(field.getPartialName()) && field.getSignature() != null) {
                    return validate(file, field.getSignature());
                }
            }
        }
        throw new AssertionError("no signed field " + fieldName);
    }

    private static Result validate(byte[] file, PDSignature signature) throws Exception {
        int[] range = signature.getByteRange();
        boolean covers = coversAllButContents(file, range);
        byte[] signedContent = signedBytes(file, range);
        byte[] contents = HexFormat.of().parseHex(
                new String(file, range[1] + 1, range[2] - range[1] - 2, StandardCharsets.US_ASCII));
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), contents);
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());

        boolean verifies;
        try {
            verifies = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
        } catch (org.bouncycastle.cms.CMSException e) {
            // BouncyCastle throws rather than returns false when the content digest does not match.
            verifies = false;
        }
        AttributeTable signed = signer.getSignedAttributes();
        boolean digestMatches = Arrays.equals(messageDigestAttribute(signed), digest(signer, signedContent));
        Attribute certV2 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        boolean certV2Matches = certV2 != null && signingCertificateMatches(certV2, cert);
        TimeStampToken token = timeStampToken(signer);
        boolean tokenVerifies = token != null && timeStampVerifies(token, signer);
        return new Result(signature.getSubFilter(), covers, verifies, digestMatches, certV2 != null, certV2Matches,
                signed.get(CMSAttributes.signingTime) != null, commonName(cert), cert, token, tokenVerifies);
    }

    /** [0, a, b, c]: from the file start to the '<' of /Contents, and from after its '>' to the file end. */
    private static boolean coversAllButContents(byte[] file, int[] range) {
        return range.length == 4 && range[0] == 0 && range[1] > 0 && range[2] > range[1]
                && (long) range[2] + range[3] == file.length
                && file[range[1]] == '<' && file[range[2] - 1] == '>';
    }

    private static byte[] signedBytes(byte[] file, int[] range) {
        byte[] out = new byte[range[1] + range[3]];
        System.arraycopy(file, range[0], out, 0, range[1]);
        System.arraycopy(file, range[2], out, range[1], range[3]);
        return out;
    }

    private static byte[] messageDigestAttribute(AttributeTable signed) {
        Attribute attribute = signed.get(CMSAttributes.messageDigest);
        return ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
    }

    private static byte[] digest(SignerInformation signer, byte[] content) throws Exception {
        DigestCalculator calculator =
                new JcaDigestCalculatorProviderBuilder().build().get(signer.getDigestAlgorithmID());
        try (OutputStream out = calculator.getOutputStream()) {
            out.write(content);
        }
        return calculator.getDigest();
    }

    private static boolean signingCertificateMatches(Attribute attribute, X509Certificate cert) throws Exception {
        ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
        // ESSCertIDv2 defaults to SHA-256 when the hash algorithm is omitted.
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        return Arrays.equals(hash, id.getCertHash());
    }

    private static TimeStampToken timeStampToken(SignerInformation signer) throws Exception {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute =
                unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        byte[] token = attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded();
        return new TimeStampToken(new CMSSignedData(token));
    }

    private static boolean timeStampVerifies(TimeStampToken token, SignerInformation signer) throws Exception {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> tsaCerts = token.getCertificates().getMatches(token.getSID());
        X509Certificate tsaCert = new JcaX509CertificateConverter().getCertificate(tsaCerts.iterator().next());
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCert));
        // The time-stamp must be over this signature's value, or it dates something else.
        DigestCalculator calculator = new JcaDigestCalculatorProviderBuilder().build()
                .get(token.getTimeStampInfo().getHashAlgorithm());
        try (OutputStream out = calculator.getOutputStream()) {
            out.write(signer.getSignature());
        }
        return Arrays.equals(calculator.getDigest(), token.getTimeStampInfo().getMessageImprintDigest());
    }

    static String commonName(X509Certificate cert) {
        RDN[] cns = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return IETFUtils.valueToString(cns[0].getFirst().getValue());
    }
}
