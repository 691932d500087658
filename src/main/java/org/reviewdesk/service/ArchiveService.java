package org.reviewdesk.service;

import java.io.ByteArrayInputStream;
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
        CaseFile c = cases.get(caseNumber);
        byte[] letter = letters.signedLetter(caseNumber).orElseThrow(() -> new StoreException("Case " + caseNumber
                + " has no signed letter: finalize it before archiving."));
        ArchiveBundle.write(c, id -> new ByteArrayInputStream(cases.record(caseNumber, id)), letter, out, password);
        ArchiveBundle.read(out, password);
        store.audit().append("ARCHIVED", caseNumber, password == null ? "plain bundle" : "encrypted bundle");
        store.cases().setStatus(caseNumber, CaseStatus.ARCHIVED);
        return out;
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
        ArchiveBundle.Contents b = ArchiveBundle.read(bundle, password);
        var report = SignatureVerifier.verify(b.letter());
        if (!report.allValid()) {
            throw new CaseFormatException("The bundle's letter signature is not valid: the letter was altered",
                    (Throwable) null);
        }
        store.cases().insert(b.caseFile(), b.records(), replace);
        String number = b.caseFile().caseNumber();
        store.letters().saveSigned(number, b.letter(), LetterService.sha256(b.letter()),
                b.caseFile().decisionDate() == null ? java.time.LocalDate.now() : b.caseFile().decisionDate());
        store.cases().setStatus(number, CaseStatus.FINALIZED);
        cases.notifyImported(number);
        return cases.get(number);
    }
}
