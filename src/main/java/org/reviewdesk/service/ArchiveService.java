package org.reviewdesk.service;

import java.io.IOException;
import java.nio.file.Path;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.CaseStatus;
import org.reviewdesk.exchange.ArchiveBundle;
import org.reviewdesk.exchange.CaseFormatException;
import org.reviewdesk.letter.sign.SignatureVerifier;
import org.reviewdesk.letter.sign.SigningException;
import org.reviewdesk.store.Store;
import org.reviewdesk.store.StoreException;

/** Archive bundles: writing a finished case out (verified), reading one back in (verified first). */
public final class ArchiveService {
    private final Store store;
    private final CaseLibrary cases;
    private final LetterService letters;
    private final SearchService search;

    ArchiveService(Store store, CaseLibrary cases, LetterService letters, SearchService search) {
        this.store = store;
        this.cases = cases;
        this.letters = letters;
        this.search = search;
    }

    /**
     * Writes the bundle of a case with a signed letter, reads it back to verify it, and marks the case
     * archived. {@code password} null writes a plain bundle (only when the reviewer asks for one).
     */
    public Path archive(String caseNumber, Path out, char[] password) throws StoreException, IOException,
            CaseFormatException {
        return archive(caseNumber, out, password, org.reviewdesk.files.WorkProgress.NONE);
    }

    /**
     * As {@link #archive(String, Path, char[])}, telling {@code progress} how the writing and the check go; stopped
     * there, it leaves no file and changes nothing in the store.
     */
    public Path archive(String caseNumber, Path out, char[] password, org.reviewdesk.files.WorkProgress progress)
            throws StoreException, IOException, CaseFormatException {
        CaseFile c = cases.get(caseNumber);
        if (!store.cases().status(caseNumber).locked()) {
            // an open case could change while its bundle is written: what is archived and what is stored would differ
            throw new StoreException("Case " + caseNumber + " is not finalized: finalize it before archiving (the "
                    + "bundle holds the case as it was signed, and it must not change afterwards).");
        }
        DataFolders.requireOutside(store.dir(), out, "bundle");
        byte[] letter = letters.signedLetter(caseNumber).orElseThrow(() -> new StoreException("Case " + caseNumber
                + " has no signed letter: finalize it before archiving."));
        org.reviewdesk.letter.sign.SigningIdentity id;
        try {
            id = letters.storedIdentity().orElseThrow(() -> new StoreException("There is no signing identity in "
                    + "the store to sign the bundle's manifest with: create or import one (Settings)."));
        } catch (SigningException e) {
            throw new StoreException(e.getMessage(), e);
        }
        if (recordsRemoved(caseNumber)) {
            // a new bundle would hold no record and no excerpt, and could replace the one bundle that has them
            throw new StoreException("The records of case " + caseNumber + " were removed after it was archived: "
                    + "the bundle written then is the one that holds them. Import that bundle to archive the "
                    + "case again.");
        }
        String head = store.audit().head().text();
        // written and checked beside the destination, then moved over it: a bundle that does not verify never
        // replaces a file already there (an earlier bundle of the case)
        Path checking = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".checking");
        try {
            writeAndCheck(c, caseNumber, letter, checking, out, password, head, id, progress);
            // the last moment the reviewer may stop it: from here the bundle is in place and the case archived
            progress.lastStop("Finishing");
            java.nio.file.Files.move(checking, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            java.nio.file.Files.deleteIfExists(checking);
        }
        store.audit().append("ARCHIVED", caseNumber, password == null ? "plain bundle" : "encrypted bundle");
        store.cases().setStatus(caseNumber, CaseStatus.ARCHIVED);
        return out;
    }

    /** Whether the case's records were removed after an archive and not brought back by an import since. */
    private boolean recordsRemoved(String caseNumber) throws StoreException {
        boolean removed = false;
        for (var e : store.audit().entries()) {
            if (caseNumber.equals(e.caseNumber())) {
                if (e.action().equals("RECORDS_REMOVED")) {
                    removed = true;
                } else if (e.action().equals("CASE_IMPORTED") || e.action().equals("CASE_REPLACED")) {
                    removed = false;
                }
            }
        }
        return removed;
    }

    private void writeAndCheck(CaseFile c, String caseNumber, byte[] letter, Path out, Path shownAs, char[] password,
            String head, org.reviewdesk.letter.sign.SigningIdentity id, org.reviewdesk.files.WorkProgress progress)
            throws IOException, CaseFormatException, StoreException {
        java.util.Map<String, Long> sizes = new java.util.HashMap<>();
        for (var d : c.documentList()) {
            sizes.put(d.id(), store.records().contentSize(caseNumber, d.id()));
        }
        try {
            ArchiveBundle.write(c, rid -> cases.recordStream(caseNumber, rid), letter, out,
                    password, head, manifest -> {
                        try {
                            return org.reviewdesk.letter.sign.ManifestSignature.sign(manifest, id);
                        } catch (SigningException e) {
                            throw new IOException(e.getMessage(), e);
                        }
                    }, sizes, progress);
        } catch (IOException e) {
            throw new IOException("The bundle could not be written to " + shownAs + ": "
                    + org.reviewdesk.files.PrivateFiles.describe(e), e);
        }
        try {
            check(ArchiveBundle.read(out, password, progress), java.util.List.of(id.certificate()));
        } catch (SigningException | BundleTrustException e) {
            throw new CaseFormatException("The bundle just written did not verify: " + e.getMessage(), e);
        }
    }

    /** After a verified archive: removes the case's record files; the case, its decisions and letter stay. */
    public void removeRecords(String caseNumber) throws StoreException {
        if (store.cases().status(caseNumber) != CaseStatus.ARCHIVED) {
            throw new StoreException("Case " + caseNumber + " is not archived; archive it before removing its "
                    + "records.");
        }
        store.records().removeAll(caseNumber);
        search.documentRemoved(caseNumber, null);
    }

    /**
     * Imports a bundle: every file checked against the manifest and the letter's signature verified
     * before anything is written. The case comes back finalized, with its signed letter.
     */
    public CaseFile importBundle(Path bundle, char[] password, boolean replace)
            throws CaseFormatException, StoreException, SigningException {
        return importBundle(bundle, password, replace, java.util.List.of());
    }

    /** Whether a file is an archive bundle (a zip with a manifest), encrypted or not. */
    public boolean isBundle(Path file) {
        return ArchiveBundle.isBundle(file);
    }

    /** Whether a bundle is encrypted (needs its password). */
    public boolean isEncrypted(Path bundle) throws CaseFormatException {
        return ArchiveBundle.isEncrypted(bundle);
    }

    /** The case number a bundle holds (read and checked against its manifest), to ask before replacing. */
    public String bundleCaseNumber(Path bundle, char[] password) throws CaseFormatException {
        return bundleCaseNumber(bundle, password, org.reviewdesk.files.WorkProgress.NONE);
    }

    /** As {@link #bundleCaseNumber(Path, char[])}, telling {@code progress} how the check goes. */
    public String bundleCaseNumber(Path bundle, char[] password, org.reviewdesk.files.WorkProgress progress)
            throws CaseFormatException {
        return ArchiveBundle.read(bundle, password, progress).caseFile().caseNumber();
    }

    /** Whether the store already has this case. */
    public boolean caseExists(String caseNumber) throws StoreException {
        return store.cases().exists(caseNumber);
    }

    /** The signer of a bundle is intact but not trusted: the reviewer may trust the certificate and retry. */
    public static final class BundleTrustException extends Exception {
        private final String fingerprint;
        private final String signer;
        private final transient java.security.cert.X509Certificate certificate;

        BundleTrustException(String signer, String fingerprint, java.security.cert.X509Certificate certificate) {
            super("The bundle is intact, but its signer " + signer + " is not trusted (certificate SHA-256 "
                    + fingerprint + "): compare the fingerprint with the signer's, then trust the certificate "
                    + "(--trust FILE.cer or 'reviewdesk trust add')");
            this.fingerprint = fingerprint;
            this.signer = signer;
            this.certificate = certificate;
        }

        /** The signer's certificate (from the manifest's signature), to trust once or for good. */
        public java.security.cert.X509Certificate certificate() {
            return certificate;
        }

        public String fingerprint() {
            return fingerprint;
        }

        public String signer() {
            return signer;
        }
    }

    /**
     * Checks a bundle read from disk: the manifest signature verifies, is by the same certificate as the
     * letter, the letter's signature is intact, its certificate is trusted, and case.json agrees with what
     * the signed letter says (case number, each item's decision).
     */
    static void check(ArchiveBundle.Contents b, java.util.List<java.security.cert.X509Certificate> trusted)
            throws CaseFormatException, SigningException, BundleTrustException {
        org.reviewdesk.letter.sign.ManifestSignature.Result m;
        try {
            m = org.reviewdesk.letter.sign.ManifestSignature.verify(b.manifest(), b.manifestSignature());
        } catch (SigningException e) {
            throw new CaseFormatException("The bundle's manifest signature is refused: " + e.getMessage(), e);
        }
        if (!m.verifies()) {
            throw new CaseFormatException("The bundle's manifest signature is not valid: the manifest was changed "
                    + "after signing", (Throwable) null);
        }
        var report = SignatureVerifier.verify(b.letter(), trusted);
        if (!report.allIntact()) {
            throw new CaseFormatException("The bundle's letter signature is not valid: the letter was altered",
                    (Throwable) null);
        }
        var letterSig = report.signatures().get(0);
        if (!letterSig.sha256Fingerprint().equals(m.fingerprint())) {
            throw new CaseFormatException("The bundle's manifest is signed by another certificate (SHA-256 "
                    + m.fingerprint() + ") than its letter (SHA-256 " + letterSig.sha256Fingerprint() + ")",
                    (Throwable) null);
        }
        String text;
        try {
            text = org.reviewdesk.letter.LetterText.of(b.letter());
        } catch (IOException e) {
            throw new CaseFormatException("The bundle's letter cannot be read: " + e.getMessage(), e);
        }
        CaseFile c = b.caseFile();
        if (!text.contains(c.caseNumber())) {
            throw new CaseFormatException("The bundle's case.json (case " + c.caseNumber() + ") does not match its "
                    + "signed letter, which names another case", (Throwable) null);
        }
        for (int i = 0; i < c.items().size(); i++) {
            var item = c.items().get(i);
            if (item.decision() == null) {
                continue;
            }
            String said = org.reviewdesk.letter.LetterText.normalize(
                    (item.request() == null ? "" : item.request().strip()) + ": " + item.decision().label());
            if (!text.contains(said)) {
                throw new CaseFormatException("items[" + i + "].decision: case.json says " + item.decision().label()
                        + " for \"" + org.reviewdesk.files.Escape.controls(item.request())
                        + "\" but the signed letter does not", (Throwable) null);
            }
        }
        if (!letterSig.trusted()) {
            throw new BundleTrustException(letterSig.signerName(), letterSig.sha256Fingerprint(), m.signer());
        }
    }

    /**
     * Imports a bundle trusting also {@code extraTrust} for this import (the command line's --trust). An
     * intact bundle by an untrusted signer is refused with a CaseFormatException whose cause is a
     * {@link BundleTrustException} (the window asks the reviewer about it).
     */
    public CaseFile importBundle(Path bundle, char[] password, boolean replace,
                                 java.util.List<java.security.cert.X509Certificate> extraTrust)
            throws CaseFormatException, StoreException, SigningException {
        return importBundle(bundle, password, replace, extraTrust, org.reviewdesk.files.WorkProgress.NONE);
    }

    /**
     * As {@link #importBundle(Path, char[], boolean, java.util.List)}, telling {@code progress} how the check goes;
     * stopped there, nothing is stored. Once the case is being stored it is no longer asked.
     */
    public CaseFile importBundle(Path bundle, char[] password, boolean replace,
                                 java.util.List<java.security.cert.X509Certificate> extraTrust,
                                 org.reviewdesk.files.WorkProgress progress)
            throws CaseFormatException, StoreException, SigningException {
        ArchiveBundle.Contents b = ArchiveBundle.read(bundle, password, progress);
        java.util.List<java.security.cert.X509Certificate> trust = new java.util.ArrayList<>(
                letters.trustedCertificates());
        trust.addAll(extraTrust);
        try {
            check(b, trust);
        } catch (BundleTrustException e) {
            throw new CaseFormatException(e.getMessage(), e);
        }
        String number = b.caseFile().caseNumber();
        // the last moment the reviewer may stop it
        progress.lastStop("Storing the case");
        // one transaction: a failure after the case went in (a full disk) took the replaced case away and left
        // the new one without its letter, editable
        store.atomically("Importing the bundle of case " + number, () -> {
            store.cases().insert(b.caseFile(), b.records(), replace);
            store.letters().saveSigned(number, b.letter(), LetterService.sha256(b.letter()),
                    b.caseFile().decisionDate() == null ? java.time.LocalDate.now() : b.caseFile().decisionDate());
            store.cases().setStatus(number, CaseStatus.FINALIZED);
            return null;
        });
        cases.notifyImported(number);
        return cases.get(number);
    }
}
