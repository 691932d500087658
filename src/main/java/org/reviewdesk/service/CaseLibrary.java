package org.reviewdesk.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.CaseSummary;
import org.reviewdesk.exchange.CaseFormatException;
import org.reviewdesk.exchange.CaseJson;
import org.reviewdesk.exchange.Packet;
import org.reviewdesk.exchange.PacketReader;
import org.reviewdesk.exchange.PacketWriter;
import org.reviewdesk.store.CaseRepository;
import org.reviewdesk.store.NoSuchCaseException;
import org.reviewdesk.store.Store;
import org.reviewdesk.store.StoreException;

/** What the window and the command line do with cases: import, list, open, save, export. */
public final class CaseLibrary {
    private final Store store;
    private final PacketReader reader;
    private ImportListener listener = caseNumber -> { };

    /** Told after a case was stored, to read its record pages. */
    @FunctionalInterface
    public interface ImportListener {
        void imported(String caseNumber) throws StoreException;
    }

    void onImported(ImportListener l) {
        this.listener = l;
    }

    public CaseLibrary(Store store, PacketReader reader) {
        this.store = store;
        this.reader = reader;
    }

    public CaseLibrary(Store store) {
        this(store, new PacketReader());
    }

    private CaseRepository repo() {
        return store.cases();
    }

    /**
     * Imports a case file, packet folder or packet {@code .zip}. Everything is checked before the
     * store is written; a case number already in the store is refused unless {@code replace}.
     */
    public CaseFile importPath(Path path, boolean replace) throws CaseFormatException, IOException, StoreException {
        CaseFile c;
        try (Packet p = reader.read(path)) {
            String number = p.caseFile().caseNumber();
            if (replace && store.cases().exists(number) && store.cases().status(number).locked()) {
                // its signed letter and audit trail would go with it; an archive bundle of it may come back
                throw new StoreException("Case " + number + " is finalized: a case file does not replace it. "
                        + "Amend the case to change it, or import its archive bundle.");
            }
            repo().insert(p.caseFile(), p.records(), replace);
            c = p.caseFile();
        }
        listener.imported(c.caseNumber());
        return c;
    }

    /** Reads a packet without storing it: to ask the reviewer before replacing a case. */
    public String peekCaseNumber(Path path) throws CaseFormatException, IOException {
        try (Packet p = reader.read(path)) {
            return p.caseFile().caseNumber();
        }
    }

    public boolean contains(String caseNumber) throws StoreException {
        return repo().exists(caseNumber);
    }

    public List<CaseSummary> list() throws StoreException {
        return repo().list();
    }

    public Optional<CaseFile> find(String caseNumber) throws StoreException {
        return repo().load(caseNumber);
    }

    public CaseFile get(String caseNumber) throws StoreException {
        return find(caseNumber).orElseThrow(() -> new NoSuchCaseException(caseNumber));
    }

    /** The case as a case file (JSON, UTF-8). */
    public byte[] show(String caseNumber) throws StoreException {
        return CaseJson.write(get(caseNumber));
    }

    /** Writes a case file ({@code .json}) or a packet with its records ({@code .zip}). */
    public void export(String caseNumber, Path out) throws StoreException, IOException {
        CaseFile c = get(caseNumber);
        DataFolders.requireOutside(store.dir(), out, out.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".zip") ? "packet" : "case file");
        new PacketWriter().write(c, id -> recordStream(caseNumber, id), out);
        store.audit().append("CASE_EXPORTED", caseNumber, out.getFileName().toString().endsWith(".zip") ? "packet"
                : "case file");
    }

    /**
     * The stored bytes of one record document as a stream read from the store a block at a time (each block in a
     * short transaction of its own): a scanned record larger than the heap is exported without being held whole.
     */
    java.io.InputStream recordStream(String caseNumber, String documentId) throws IOException {
        try {
            return RecordService.stored(store.records(), caseNumber, documentId,
                    store.records().contentSize(caseNumber, documentId)).stream();
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The stored bytes of one record document. */
    public byte[] record(String caseNumber, String documentId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            repo().copyRecord(caseNumber, documentId, out);
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Saves the reviewer's edits to the summary and items. */
    public void save(CaseFile edited) throws StoreException {
        repo().saveEdits(edited);
    }

    void notifyImported(String caseNumber) throws StoreException {
        listener.imported(caseNumber);
    }

    /** The stored status of a case. */
    public org.reviewdesk.domain.CaseStatus status(String caseNumber) throws StoreException {
        return repo().status(caseNumber);
    }

    /**
     * Opens an amendment of a finalized case: a new case {@code <number>-A<n>} with the same content and
     * records, undecided date, editable; the signed original stays as it is.
     */
    public String amend(String caseNumber) throws StoreException, IOException {
        if (!repo().status(caseNumber).locked()) {
            throw new StoreException("Case " + caseNumber + " is not finalized; edit it directly.");
        }
        CaseFile c = get(caseNumber);
        String base = caseNumber.replaceAll("-A\\d+$", "");
        String number = null;
        for (int n = 1; number == null; n++) {
            if (!repo().exists(base + "-A" + n)) {
                number = base + "-A" + n;
            }
        }
        // copied inside the store, a record at a time, never held whole (a scan may be larger than the heap)
        java.util.Map<String, org.reviewdesk.domain.RecordContent> records = repo().storedRecords(caseNumber);
        CaseFile amended = new CaseFile(number, c.priority(), c.reviewType(), c.dateAssigned(), c.dateOfInjury(),
                c.urDenialDate(), c.applicationReceived(), null, c.dueDate(), c.organization(), c.reviewer(),
                c.parties(), c.clinicalSummary(), c.items(), c.documents(), c.evidence());
        repo().insert(amended, records, false);
        store.audit().append("CASE_AMENDED", caseNumber, number);
        listener.imported(number);
        return number;
    }

    /** Loads the built-in sample case (synthetic records) unless it is already there. */
    public boolean addSampleCase() throws StoreException, CaseFormatException, IOException {
        SampleCase sample = SampleCase.load();
        if (repo().exists(sample.caseFile().caseNumber())) {
            return false;
        }
        repo().insert(sample.caseFile(), sample.records(), false);
        listener.imported(sample.caseFile().caseNumber());
        return true;
    }
}
