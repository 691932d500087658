package org.reviewdesk.letter.sign;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.PdfSignature;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** Checks the signatures of a PDF: intact, covering the whole file, and who signed with which certificate. */
public final class SignatureVerifier {
    private SignatureVerifier() {
    }

    /**
     * Reads every signature of {@code pdf} with an empty trust list: at best INTACT, SIGNER NOT TRUSTED.
     * A file that is not a PDF gives a {@link SigningException}.
     */
    public static VerificationReport verify(byte[] pdf) throws SigningException {
        return verify(pdf, List.of());
    }

    /**
     * Reads every signature of {@code pdf}; a signature is VALID when intact, covering the whole file and
     * made with a certificate in {@code trusted} or issued (through the chain the signature carries) by one.
     */
    public static VerificationReport verify(byte[] pdf, java.util.Collection<X509Certificate> trusted)
            throws SigningException {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(trusted, "trusted");
        try (PdfDocument document = open(pdf)) {
            SignatureUtil util = new SignatureUtil(document);
            List<SignatureCheck> checks = new ArrayList<>();
            for (String name : util.getSignatureNames()) {
                checks.add(checkOrReport(util, name, trusted));
            }
            return new VerificationReport(checks);
        } catch (RuntimeException e) {
            // iText parses lazily: a file damaged past its header fails here rather than on opening.
            throw unreadable(e);
        }
    }

    private static PdfDocument open(byte[] pdf) throws SigningException {
        try {
            return new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)));
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static SigningException unreadable(Exception e) {
        if (e instanceof com.itextpdf.kernel.exceptions.BadPasswordException) {
            // iText's own message tells a programmer which constructor to call
            return new SigningException("The file is protected by a password, so its signatures cannot be checked "
                    + "(a signed letter has none): ask the sender for the letter as signed", e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SigningException("The file is not a readable PDF: " + detail, e);
    }

    /** One damaged signature must not hide the others, so its failure becomes part of the report. */
    private static SignatureCheck checkOrReport(SignatureUtil util, String name,
                                                java.util.Collection<X509Certificate> trusted) {
        try {
            return check(util, name, trusted);
        } catch (RuntimeException e) {
            return new SignatureCheck(name, null, null, false, false, null, null, null, null, null, null,
                    null, false, null, "its signature data is damaged", null, null);
        }
    }

    private static SignatureCheck check(SignatureUtil util, String name,
                                        java.util.Collection<X509Certificate> trusted) {
        boolean covers = util.signatureCoversWholeDocument(name);
        String subFilter = subFilter(util.getSignature(name));
        PdfPKCS7 pkcs7 = util.readSignatureData(name);
        boolean intact;
        String problem = null;
        try {
            intact = pkcs7.verifySignatureIntegrityAndAuthenticity();
            if (intact && pkcs7.getTimeStampTokenInfo() != null) {
                // A time-stamp that does not match the signature value proves nothing about the time.
                intact = pkcs7.verifyTimestampImprint();
            }
        } catch (Exception e) {
            intact = false;
            problem = "the signature could not be verified (" + e.getMessage() + ")";
        }
        X509Certificate cert = pkcs7.getSigningCertificate();
        Instant timestamp = pkcs7.getTimeStampTokenInfo() == null ? null : instant(pkcs7.getTimeStampDate());
        return new SignatureCheck(name, Certificates.commonName(cert.getSubjectX500Principal()),
                instant(pkcs7.getSignDate()), intact, covers, subFilter,
                Certificates.text(cert.getSubjectX500Principal()), Certificates.text(cert.getIssuerX500Principal()),
                HexFormat.ofDelimiter(":").withUpperCase().formatHex(cert.getSerialNumber().toByteArray()),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), Certificates.sha256Fingerprint(cert),
                Certificates.isSelfSigned(cert), timestamp, problem,
                Certificates.trustedBy(cert, java.util.Arrays.asList(pkcs7.getCertificates()), trusted),
                auditHead(util.getSignature(name)));
    }

    private static String auditHead(PdfSignature signature) {
        if (signature == null) {
            return null;
        }
        com.itextpdf.kernel.pdf.PdfString v = signature.getPdfObject().getAsString(new PdfName(LetterSigner.AUDIT_HEAD));
        return v == null ? null : v.toUnicodeString();
    }

    private static String subFilter(PdfSignature signature) {
        PdfName name = signature == null ? null : signature.getSubFilter();
        return name == null ? null : name.getValue();
    }

    private static Instant instant(Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }
}
