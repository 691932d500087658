package org.reviewdesk.service;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.LetterReadiness;
import org.reviewdesk.domain.Reviewer;
import org.reviewdesk.letter.LetterComposer;
import org.reviewdesk.letter.LetterFonts;
import org.reviewdesk.letter.LetterPdf;
import org.reviewdesk.letter.RenderedLetter;
import org.reviewdesk.letter.sign.LetterSigner;
import org.reviewdesk.letter.sign.SelfSignedIdentity;
import org.reviewdesk.letter.sign.SignatureAppearance;
import org.reviewdesk.letter.sign.SigningException;
import org.reviewdesk.letter.sign.SigningIdentity;
import org.reviewdesk.store.IdentityRepository.StoredIdentity;
import org.reviewdesk.store.Store;
import org.reviewdesk.store.StoreException;

/** Letters of stored cases: preview, export, sign and keep; the reviewer profile and signing identity. */
public final class LetterService {
    private final Store store;
    private final CaseLibrary cases;
    private final Clock clock;
    private LetterSigner signer;
    /** Looks phrases up in a case's record (the checks that disprove "not documented"); none until set. */
    private java.util.function.Function<String, org.reviewdesk.guideline.DocumentedSearch> recordSearch = n -> null;

    LetterService(Store store, CaseLibrary cases, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.clock = clock;
    }

    /** Refuses to save a letter to {@code out} inside the data folder, where it could replace the store. */
    public void requireOutsideDataFolder(Path out) throws IOException {
        DataFolders.requireOutside(store.dir(), out, "letter");
    }

    // ---- profile ----

    public ReviewerProfile profile() throws StoreException {
        var s = store.settings();
        return new ReviewerProfile(s.get("profile.signerName").orElse(""),
                ReviewerProfile.split(s.get("profile.licensure").orElse("")),
                ReviewerProfile.split(s.get("profile.specialties").orElse("")),
                s.get("letter.timestampUrl").orElse(""),
                java.util.Arrays.stream(s.get("profile.affiliations").orElse("").split(";")).map(String::strip)
                        .filter(x -> !x.isEmpty()).toList());
    }

    public void saveProfile(ReviewerProfile p) throws StoreException {
        var s = store.settings();
        s.put("profile.signerName", p.signerName());
        s.put("profile.licensure", String.join(", ", p.licensure()));
        s.put("profile.specialties", String.join(", ", p.specialties()));
        s.put("letter.timestampUrl", p.timestampUrl());
        s.put("profile.affiliations", String.join("; ", p.affiliations()));
        store.audit().append("PROFILE_SAVED", null, null);
    }

    /** A letterhead logo (PNG or JPEG) the reviewer chose, if any. */
    public Optional<byte[]> logo() throws StoreException {
        return store.settings().get("letter.logo").filter(v -> !v.isEmpty()).map(Base64.getDecoder()::decode);
    }

    /**
     * Keeps the letterhead logo (null: none). One that is not a PNG or JPEG, too large, or cannot be drawn into a
     * letter is refused and the logo kept so far stays: before, any file was kept, and every letter of every case
     * then failed to render until the logo was replaced.
     */
    /**
     * Keeps the image file {@code file} as the letterhead logo, as {@link #saveLogo(byte[])}; a file larger than a
     * logo can be is refused before it is read (the Settings dialog read it whole: a file of gigabytes filled the heap).
     */
    public void saveLogo(Path file) throws StoreException, IOException {
        String tooLarge = LetterPdf.logoSizeProblem(java.nio.file.Files.size(file));
        if (tooLarge != null) {
            throw notSaved(tooLarge);
        }
        saveLogo(java.nio.file.Files.readAllBytes(file));
    }

    public void saveLogo(byte[] imageOrNull) throws StoreException {
        if (imageOrNull != null) {
            String problem = LetterPdf.logoProblem(imageOrNull);
            if (problem != null) {
                throw notSaved(problem);
            }
        }
        store.settings().put("letter.logo", imageOrNull == null ? "" : Base64.getEncoder().encodeToString(imageOrNull));
    }

    private static StoreException notSaved(String problem) {
        return new StoreException("The logo was not saved: " + problem + ". Choose a PNG or JPEG image of at most a "
                + "few hundred pixels a side; the letters keep the logo they had.");
    }

    /** The case with the profile's credentials where the case has none of its own. */
    public CaseFile withProfile(CaseFile c) throws StoreException {
        return applyProfile(c, profile());
    }

    static CaseFile applyProfile(CaseFile c, ReviewerProfile p) {
        Reviewer r = c.reviewer();
        List<String> lic = r == null || r.licensure() == null || r.licensure().isEmpty() ? p.licensure()
                : r.licensure();
        List<String> spec = r == null || r.specialties() == null || r.specialties().isEmpty() ? p.specialties()
                : r.specialties();
        if (lic.isEmpty() && spec.isEmpty()) {
            return c;
        }
        if (r != null && lic == r.licensure() && spec == r.specialties()) {
            return c;
        }
        return c.withReviewer(new Reviewer(lic, spec));
    }

    // ---- rendering ----

    /** The letter as it would print now, for the preview; no completeness check. */
    public RenderedLetter preview(CaseFile c) throws StoreException {
        return LetterPdf.render(LetterComposer.compose(withProfile(c)), logo().orElse(null));
    }

    /** Page images of the letter as it would print now. */
    public List<java.awt.image.BufferedImage> previewPages(CaseFile c, float dpi) throws StoreException, IOException {
        return org.reviewdesk.record.PageRenderer.render(preview(c).pdf(), dpi);
    }

    /** Checks the signatures of a PDF against no trust list (at best INTACT, SIGNER NOT TRUSTED). */
    public static org.reviewdesk.letter.sign.VerificationReport verify(byte[] pdf) throws SigningException {
        return org.reviewdesk.letter.sign.SignatureVerifier.verify(pdf);
    }

    /** Checks the signatures of a PDF against the store's trust list and any {@code extra} certificates. */
    public org.reviewdesk.letter.sign.VerificationReport verifyTrusted(byte[] pdf,
            List<java.security.cert.X509Certificate> extra) throws SigningException, StoreException {
        List<java.security.cert.X509Certificate> all = new java.util.ArrayList<>(trustedCertificates());
        all.addAll(extra);
        return org.reviewdesk.letter.sign.SignatureVerifier.verify(pdf, all);
    }

    // ---- trust ----

    /**
     * The certificates the reviewer trusts. A store made before trust lists existed gets its own signing
     * identity added the first time (it was the reviewer's choice when it was created or imported).
     */
    public List<java.security.cert.X509Certificate> trustedCertificates() throws StoreException, SigningException {
        List<org.reviewdesk.store.TrustList.Trusted> list = store.trust().all();
        if (list.isEmpty() && !store.readOnly()) {
            Optional<SigningIdentity> own = storedIdentity();
            if (own.isPresent()) {
                trust(own.get().certificate(), "the store's own signing identity");
                list = store.trust().all();
            }
        }
        List<java.security.cert.X509Certificate> out = new java.util.ArrayList<>();
        for (var t : list) {
            out.add(org.reviewdesk.letter.sign.Certificates.read(t.der()));
        }
        return out;
    }

    /** The trust list as stored (fingerprint, subject, when, why). */
    public List<org.reviewdesk.store.TrustList.Trusted> trustList() throws StoreException, SigningException {
        trustedCertificates();
        return store.trust().all();
    }

    /** Trusts a certificate (a colleague's, or an organization's CA); true when it was not trusted yet. */
    public boolean trust(java.security.cert.X509Certificate cert, String reason) throws StoreException {
        try {
            return store.trust().add(org.reviewdesk.letter.sign.Certificates.fingerprint(cert),
                    cert.getSubjectX500Principal().getName(), cert.getEncoded(), reason);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new StoreException("The certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Stops trusting the certificate with this SHA-256 fingerprint; true when it was trusted. */
    public boolean untrust(String sha256Fingerprint) throws StoreException {
        return store.trust().remove(sha256Fingerprint.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** An unsigned letter of a stored case. */
    public byte[] unsigned(String caseNumber) throws StoreException {
        return preview(cases.get(caseNumber)).pdf();
    }

    /** The letter of a case file outside any store (the command line's {@code --case}). */
    public static RenderedLetter render(CaseFile c) {
        return LetterPdf.render(LetterComposer.compose(c), null);
    }

    // ---- signing ----

    /** What the stored case still lacks before its letter can be signed; empty when complete. */
    public List<String> missing(String caseNumber) throws StoreException {
        return LetterReadiness.missing(withProfile(cases.get(caseNumber)));
    }

    /**
     * The header dates the case lacks (their rows or cells are left out of the letter, where every real IMR letter
     * prints them): a warning before signing, not a refusal (the organization's case file may not carry them).
     */
    public List<String> headerGaps(String caseNumber) throws StoreException {
        CaseFile c = cases.get(caseNumber);
        List<String> out = new java.util.ArrayList<>();
        if (c.dateAssigned() == null) {
            out.add("Date Assigned");
        }
        if (c.dateOfInjury() == null) {
            out.add("Date of Injury");
        }
        if (c.urDenialDate() == null) {
            out.add("UR Denial Date");
        }
        if (c.applicationReceived() == null) {
            out.add("Application Received");
        }
        return out;
    }

    /** Backs the pre-sign checks with the record's full-text search (set by the workbench). */
    void useRecordSearch(java.util.function.Function<String, org.reviewdesk.guideline.DocumentedSearch> search) {
        this.recordSearch = search;
    }

    /**
     * Every check result before signing, the record looked up as in the workspace: the same findings
     * the workspace shows (a rationale saying "not documented" against a record that documents it).
     */
    public List<org.reviewdesk.guideline.ConsistencyCheck> signingChecks(String caseNumber) throws StoreException {
        return consistency(caseNumber, recordSearch.apply(caseNumber));
    }

    /** The consistency checks of every item (warnings and errors), shown again before signing. */
    public List<org.reviewdesk.guideline.ConsistencyCheck> consistency(String caseNumber,
            org.reviewdesk.guideline.DocumentedSearch search) throws StoreException {
        CaseFile c = withProfile(cases.get(caseNumber));
        List<org.reviewdesk.guideline.ConsistencyCheck> out = new java.util.ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            for (var k : org.reviewdesk.guideline.ConsistencyChecker.check(c, c.items().get(i), i, search)) {
                if (k.severity() != org.reviewdesk.guideline.ConsistencyCheck.Severity.INFO) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** Parties of the case matching the reviewer's declared affiliations. */
    public List<String> conflicts(CaseFile c) throws StoreException {
        return profile().conflicts(c.parties());
    }

    /** Signs the letter of a stored case with the store's identity (or the given one) and keeps it. */
    public SignedLetter sign(String caseNumber, SigningIdentity given)
            throws StoreException, LetterNotReadyException, SigningException {
        CaseFile c = withProfile(cases.get(caseNumber));
        List<String> missing = new java.util.ArrayList<>(LetterReadiness.missing(c));
        if (missing.isEmpty()) {
            // a letter that contradicts itself is never signed (warnings are the reviewer's call)
            consistency(caseNumber, recordSearch.apply(caseNumber)).stream()
                    .filter(k -> k.severity() == org.reviewdesk.guideline.ConsistencyCheck.Severity.ERROR)
                    .forEach(k -> missing.add(k.message()));
        }
        if (!missing.isEmpty()) {
            throw new LetterNotReadyException(missing);
        }
        SigningIdentity id = identity(given);
        LocalDate decided = c.decisionDate() != null ? c.decisionDate() : LocalDate.now(clock);
        CaseFile dated = c.withDecisionDate(decided);
        byte[] logo = logo().orElse(null);
        byte[] signed = signRendered(LetterPdf.render(LetterComposer.compose(dated), logo), id,
                profile().timestampUrl());
        String sha = sha256(signed);
        // the case keeps the credentials it was signed with
        cases.save(dated);
        store.letters().saveSigned(caseNumber, signed, sha, decided, fingerprint(dated, logo, id));
        return new SignedLetter(signed, sha, decided, id.signerName());
    }

    private SigningIdentity identity(SigningIdentity given) throws StoreException, SigningException {
        return given != null ? given : storedIdentity().orElseThrow(() -> new SigningException(
                "There is no signing identity in the store: create or import one (Settings), or give a keystore."));
    }

    /**
     * What a signed letter is made from: the case as it prints (its content, the credentials, the
     * decision date), the letterhead logo and the signer's certificate. Equal fingerprints mean the
     * same letter.
     */
    static String fingerprint(CaseFile dated, byte[] logo, SigningIdentity id) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(org.reviewdesk.exchange.CaseJson.write(dated));
            d.update((byte) 0);
            d.update(logo == null ? new byte[0] : logo);
            d.update((byte) 0);
            try {
                d.update(id.certificate().getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                d.update(id.signerName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The signed letter kept with the case if it still matches the case as it would print now
     * (same content, credentials, logo and signer); empty when there is none or something changed.
     */
    public Optional<SignedLetter> matchingSignedLetter(String caseNumber, SigningIdentity given)
            throws StoreException, SigningException {
        var last = store.letters().latestSigned(caseNumber);
        var printed = store.letters().latestFingerprint(caseNumber);
        if (last.isEmpty() || printed.isEmpty()) {
            return Optional.empty();
        }
        CaseFile c = withProfile(cases.get(caseNumber));
        if (c.decisionDate() == null) {
            return Optional.empty();
        }
        Optional<SigningIdentity> id = given != null ? Optional.of(given) : storedIdentity();
        if (id.isEmpty() || !printed.get().equals(fingerprint(c, logo().orElse(null), id.get()))) {
            return Optional.empty();
        }
        return Optional.of(new SignedLetter(last.get().pdf(), last.get().sha256(), c.decisionDate(),
                id.get().signerName(), true));
    }

    /**
     * Finalizes a case: every check, the signature, then the case is locked (read-only). A case
     * already finalized is refused: changes go into an amendment.
     */
    public SignedLetter finalizeCase(String caseNumber, SigningIdentity given)
            throws StoreException, LetterNotReadyException, SigningException {
        if (store.cases().status(caseNumber).locked()) {
            throw new org.reviewdesk.store.CaseLockedException(caseNumber);
        }
        // a letter signed with Sign & Export that still matches the case is the letter: kept, not signed again
        Optional<SignedLetter> kept = matchingSignedLetter(caseNumber, given);
        if (kept.isPresent()) {
            List<String> missing = missing(caseNumber);
            if (!missing.isEmpty()) {
                throw new LetterNotReadyException(missing);
            }
            store.cases().setStatus(caseNumber, org.reviewdesk.domain.CaseStatus.FINALIZED);
            store.audit().append("LETTER_KEPT", caseNumber, "finalized with the signed letter sha256 "
                    + kept.get().sha256());
            return kept.get();
        }
        SignedLetter s = sign(caseNumber, given);
        store.cases().setStatus(caseNumber, org.reviewdesk.domain.CaseStatus.FINALIZED);
        return s;
    }

    /** Signs a rendered letter in its reserved box. */
    public byte[] signRendered(RenderedLetter r, SigningIdentity id, String tsaUrl) throws SigningException {
        String head;
        try {
            head = store.audit().head().text();
        } catch (StoreException e) {
            throw new SigningException("The audit log could not be read to anchor it in the letter: "
                    + e.getMessage(), e);
        }
        return signer().sign(r.pdf(), id, appearance(r, id), tsaUrl == null || tsaUrl.isBlank() ? null : tsaUrl,
                clock.instant(), java.util.Map.of(LetterSigner.AUDIT_HEAD, head));
    }

    private static SignatureAppearance appearance(RenderedLetter r, SigningIdentity id) {
        RenderedLetter.SignatureBox b = r.signatureBox();
        return SignatureAppearance.of(id.signerName(), b.page(), b.x(), b.y(), b.width(), b.height());
    }

    private synchronized LetterSigner signer() throws SigningException {
        if (signer == null) {
            signer = new LetterSigner(LetterFonts.bytes(LetterFonts.SANS), clock.getZone());
        }
        return signer;
    }

    /** Signs a letter rendered from a case file, outside any store (the command line's {@code --case}). */
    public static byte[] signOutsideStore(RenderedLetter r, SigningIdentity id, Clock clock)
            throws SigningException {
        return new LetterSigner(LetterFonts.bytes(LetterFonts.SANS), clock.getZone())
                .sign(r.pdf(), id, appearance(r, id), null, clock.instant());
    }

    /** When the case's newest signed letter was made and its SHA-256 (as stored), if it has one. */
    public Optional<SignedStamp> signedStamp(String caseNumber) throws StoreException {
        return store.letters().latestSigned(caseNumber).map(l -> new SignedStamp(l.createdAt(), l.sha256()));
    }

    /** When a signed letter was made, and its SHA-256. */
    public record SignedStamp(java.time.OffsetDateTime at, String sha256) {
    }

    /** The newest signed letter of a case, if it has one. */
    public Optional<byte[]> signedLetter(String caseNumber) throws StoreException {
        return store.letters().latestSigned(caseNumber).map(l -> l.pdf());
    }

    public Optional<SigningIdentity> storedIdentity() throws StoreException, SigningException {
        Optional<StoredIdentity> s = store.identities().active();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SigningIdentity.fromPkcs12(s.get().pkcs12(), s.get().password()));
    }

    /** Creates a self-signed identity for {@code name} (a name or a reviewer ID) and keeps it in the store. */
    public SigningIdentity createIdentity(String name) throws StoreException, SigningException {
        char[] password = randomPassword();
        byte[] p12 = SelfSignedIdentity.create(name, Period.ofYears(5), password);
        store.identities().saveActive(name + " (self-signed)", p12, password);
        SigningIdentity id = SigningIdentity.fromPkcs12(p12, password);
        trust(id.certificate(), "the store's own signing identity");
        return id;
    }

    /** Imports a PKCS#12 identity after checking that it opens and is valid today. */
    public SigningIdentity importIdentity(byte[] p12, char[] password) throws StoreException, SigningException {
        SigningIdentity id = SigningIdentity.fromPkcs12(p12, password);
        store.identities().saveActive(id.signerName(), p12, password);
        trust(id.certificate(), "the store's own signing identity (imported)");
        return id;
    }

    private static char[] randomPassword() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed letter as stored with its case. */
    public record SignedLetter(byte[] pdf, String sha256, LocalDate decisionDate, String signer, boolean reused) {
        public SignedLetter(byte[] pdf, String sha256, LocalDate decisionDate, String signer) {
            this(pdf, sha256, decisionDate, signer, false);
        }
    }
}
