package org.reviewdesk.letter.sign;

import com.itextpdf.forms.form.element.SignatureFieldAppearance;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.crypto.DigestAlgorithms;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.BouncyCastleDigest;
import com.itextpdf.signatures.IExternalSignature;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import com.itextpdf.signatures.SignatureUtil;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.TimeZone;

/**
 * Signs a determination letter (PDF/A-2b) with a PAdES baseline B signature, or B-T with a time-stamp
 * server, as an incremental update with a visible signature block.
 */
public final class LetterSigner {
    /** The signature field every signed letter carries. */
    public static final String FIELD_NAME = "ReviewerSignature";
    /** Where the app ships the embedded font of the signature block. */
    public static final String FONT_RESOURCE = "/org/reviewdesk/letter/fonts/LiberationSans-Regular.ttf";
    /** The signed property holding the store's audit head ("id:hash") at the time of signing. */
    public static final String AUDIT_HEAD = "RD_AuditHead";
    /** Recorded in the signature dictionary's /Prop_Build so a reader can tell which program signed. */
    private static final String CREATOR = "ReviewDesk";

    private final byte[] trueTypeFont;
    private final ZoneId zone;

    /** Uses the bundled Liberation Sans and shows the time in the computer's time zone. */
    public LetterSigner() throws SigningException {
        this(bundledFont(), ZoneId.systemDefault());
    }

    /** Uses the given TrueType font bytes (embedded in the letter, as PDF/A requires) and time zone. */
    public LetterSigner(byte[] trueTypeFont, ZoneId zone) {
        this.trueTypeFont = Objects.requireNonNull(trueTypeFont, "trueTypeFont").clone();
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    private static byte[] bundledFont() throws SigningException {
        try (InputStream in = LetterSigner.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new SigningException("The signature font is missing from this installation ("
                        + FONT_RESOURCE + "); reinstall ReviewDesk.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SigningException("The signature font could not be read; reinstall ReviewDesk.", e);
        }
    }

    /**
     * Returns {@code pdf} with a signature over the whole file appended. With a time-stamp server URL the
     * signature gets an RFC 3161 time-stamp (PAdES B-T); with null it is PAdES B-B.
     */
    public byte[] sign(byte[] pdf, SigningIdentity id, SignatureAppearance look, String tsaUrlOrNull,
                       Instant signingTime) throws SigningException {
        return sign(pdf, id, look, tsaUrlOrNull, signingTime, java.util.Map.of());
    }

    /**
     * As {@link #sign(byte[], SigningIdentity, SignatureAppearance, String, Instant)}, also writing
     * {@code signedProperties} (names without spaces, e.g. {@link #AUDIT_HEAD}) into the signature
     * dictionary, which the signature covers: anyone can read them, nobody can change them unnoticed.
     */
    public byte[] sign(byte[] pdf, SigningIdentity id, SignatureAppearance look, String tsaUrlOrNull,
                       Instant signingTime, java.util.Map<String, String> signedProperties) throws SigningException {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(look, "look");
        Objects.requireNonNull(signingTime, "signingTime");
        // The certificate may have expired since the identity was loaded, e.g. in a long-running session.
        id.checkUsableAt(signingTime);
        ITSAClient tsa = tsaUrlOrNull == null || tsaUrlOrNull.isBlank() ? null : new GuardedTsaClient(tsaUrlOrNull);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
        try {
            PdfSigner signer = openSigner(pdf, out, look, signingTime, Certificates.sha256Fingerprint(id.certificate()));
            if (!signedProperties.isEmpty()) {
                signer.setSignatureEvent(sig -> signedProperties.forEach((k, v) ->
                        sig.put(new com.itextpdf.kernel.pdf.PdfName(k), new com.itextpdf.kernel.pdf.PdfString(v))));
            }
            IExternalSignature signature = new PrivateKeySignature(id.privateKey(), DigestAlgorithms.SHA256, null);
            signer.signDetached(new BouncyCastleDigest(), signature, id.chainArray(), null, null, tsa, 0,
                    PdfSigner.CryptoStandard.CADES);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            GuardedTsaClient.Failure tsaFailure = GuardedTsaClient.in(e);
            if (tsaFailure != null) {
                throw new SigningException("The time-stamp server " + tsaUrlOrNull + " did not give a time-stamp ("
                        + tsaFailure.getMessage()
                        + "); check its address and the network, or sign without a time-stamp.", e);
            }
            throw new SigningException("The letter could not be signed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private PdfSigner openSigner(byte[] pdf, ByteArrayOutputStream out, SignatureAppearance look,
                                 Instant signingTime, String fingerprint) throws SigningException, IOException {
        checkCanTakeSignature(pdf, look.page());
        SignerProperties properties = new SignerProperties()
                .setFieldName(FIELD_NAME)
                .setPageNumber(look.page())
                .setPageRect(new Rectangle(look.x(), look.y(), look.width(), look.height()))
                .setReason(look.reason())
                .setSignatureCreator(CREATOR)
                .setClaimedSignDate(calendar(signingTime))
                .setSignatureAppearance(appearance(look, signingTime, fingerprint));
        if (look.location() != null) {
            properties.setLocation(look.location());
        }
        // Append mode keeps the letter's bytes untouched, so the signature is a pure incremental update.
        // No temporary file (null): the letter holds patient data and must not reach disk unencrypted.
        return new PdfSigner(new PdfReader(new ByteArrayInputStream(pdf)), out, null,
                new StampingProperties().useAppendMode(), properties);
    }

    /** Reads the letter once on its own so that problems get the physician's words, not iText's. */
    private static void checkCanTakeSignature(byte[] pdf, int page) throws SigningException {
        int pages;
        boolean signed;
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            pages = document.getNumberOfPages();
            // Only a signed field counts: iText fills an empty field of that name in place.
            signed = new SignatureUtil(document).getSignatureNames().contains(FIELD_NAME);
        } catch (IOException | RuntimeException e) {
            throw new SigningException("The letter is not a readable PDF: " + e.getMessage(), e);
        }
        if (page > pages) {
            throw new SigningException("The letter has " + pages + " page(s), so the signature block cannot go on page "
                    + page + ".");
        }
        if (signed) {
            throw new SigningException("This letter already has a reviewer signature; sign the unsigned letter.");
        }
    }

    private SignatureFieldAppearance appearance(SignatureAppearance look,
            Instant signingTime, String fingerprint) throws IOException, SigningException {
        // A new font object per letter: an iText font belongs to the one document it is written into.
        PdfFont font = PdfFontFactory.createFont(trueTypeFont, PdfEncodings.IDENTITY_H,
                EmbeddingStrategy.FORCE_EMBEDDED);
        SignatureBlock block = SignatureBlock.of(look, signingTime, zone, fingerprint);
        float size = block.fontSize(font, look.width(), look.height());
        if (size < 0) {
            throw new SigningException("The space for the signature block (" + Math.round(look.width()) + " x "
                    + Math.round(look.height())
                    + " pt) is too small for its text; the letter layout needs a larger box.");
        }
        return block.appearance(font, size, "Digital signature of " + look.signerName());
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
