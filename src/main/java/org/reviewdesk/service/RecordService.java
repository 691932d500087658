package org.reviewdesk.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.reviewdesk.domain.DocumentKind;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.domain.RecordDocument;
import org.reviewdesk.record.PageImages;
import org.reviewdesk.record.ProgressListener;
import org.reviewdesk.record.RecordFile;
import org.reviewdesk.record.RecordFileException;
import org.reviewdesk.record.RecordInfo;
import org.reviewdesk.record.RecordReader;
import org.reviewdesk.store.RecordRepository;
import org.reviewdesk.domain.StoredDocument;
import org.reviewdesk.store.Store;
import org.reviewdesk.store.StoreException;

/** The clinical record of a case: adding files, their pages and texts, opened pages, excerpts. */
public final class RecordService {
    /** Record files larger than this are refused before they are read. */
    public static final long MAX_FILE_BYTES = 1024L * 1024 * 1024;
    private static final DateTimeFormatter CITE_DATE = DateTimeFormatter.ofPattern("M/d/yy");

    /** What became of one file: stored as a document, recognised as a duplicate, or refused. */
    public record AddResult(String fileName, String documentId, boolean duplicate, int pages, String error) {
        public boolean added() {
            return error == null && !duplicate;
        }
    }

    /** Told how the import goes: which file, and how many of its pages are read. */
    @FunctionalInterface
    public interface Progress {
        void update(String fileName, int fileIndex, int fileCount, int pagesDone, int pageTotal);

        Progress NONE = (f, i, n, d, t) -> { };
    }

    private final Store store;
    private final SearchService search;
    /** Made at the first page image: commands that draw nothing never load java.desktop's image classes. */
    private PageImages images;

    private synchronized PageImages images() {
        if (images == null) {
            images = new PageImages();
        }
        return images;
    }
    /** The bytes of the last documents viewed, so that paging does not read the store again. */
    private final Map<String, RecordFile> recent = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RecordFile> eldest) {
            return size() > 3;
        }
    };

    RecordService(Store store, SearchService search) {
        this.store = store;
        this.search = search;
    }

    private RecordRepository repo() {
        return store.records();
    }

    /**
     * Adds record files to a case, one document each. A file that cannot be read is refused with a
     * message naming it and leaves nothing behind; the other files still go in; a file whose bytes the
     * case already holds is recognised and not stored twice.
     */
    public List<AddResult> addFiles(String caseNumber, List<Path> files, Progress progress, BooleanSupplier cancelled)
            throws StoreException {
        refuseIfLocked(caseNumber);
        List<AddResult> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            Path f = files.get(i);
            String name = f.getFileName().toString();
            int index = i;
            try {
                out.add(addOne(caseNumber, f, name, (done, total) -> progress.update(name, index, files.size(),
                        done, total), cancelled));
            } catch (RecordFileException e) {
                out.add(new AddResult(name, null, false, 0, e.getMessage()));
            } catch (IOException e) {
                out.add(new AddResult(name, null, false, 0, name + " cannot be read: " + e.getMessage()));
            }
        }
        return out;
    }

    private AddResult addOne(String caseNumber, Path f, String name, ProgressListener progress,
                             BooleanSupplier cancelled) throws IOException, RecordFileException, StoreException {
        if (!Files.isRegularFile(f)) {
            throw new RecordFileException(name, name + " is not a file");
        }
        if (Files.size(f) > MAX_FILE_BYTES) {
            throw new RecordFileException(name, name + " is larger than 1 GB; split it before adding it");
        }
        byte[] bytes = Files.readAllBytes(f);
        String sha = sha256(bytes);
        var existing = repo().findBySha(caseNumber, sha);
        if (existing.isPresent()) {
            return new AddResult(name, existing.get(), true, 0, null);
        }
        RecordInfo info = RecordReader.inspect(name, bytes);
        String id = uniqueId(caseNumber, name);
        RecordDocument doc = new RecordDocument(id, info.suggestedTitle(), kindOf(info.suggestedDocumentKind()),
                info.suggestedDate(), null, "records/" + id + extension(name), sha);
        int[] stored = {0};
        try {
            repo().add(caseNumber, doc, info.kind().name(), bytes, sha, writer -> {
                int[] count = {0};
                RecordReader.readPages(name, bytes, page -> {
                    writer.page(page.pageNumber(), page.text());
                    search.pageAdded(caseNumber, id, page.pageNumber(), page.text());
                    count[0]++;
                }, progress, cancelled);
                stored[0] = count[0];
                return count[0];
            });
            search.documentStored(caseNumber, id);
        } catch (StoreException e) {
            search.documentRemoved(caseNumber, id);
            if (e.getCause() instanceof RecordFileException rfe) {
                throw rfe;
            }
            if (e.getCause() instanceof java.util.concurrent.CancellationException
                    || e.getCause() instanceof InterruptedException) {
                throw new RecordFileException(name, "Adding " + name + " was cancelled; nothing of it was kept");
            }
            throw e;
        }
        return new AddResult(name, id, false, stored[0], null);
    }

    /**
     * A finalized (or delivered, archived) case is read-only: its record takes no file, no changed
     * details and no excerpt; an amendment is the one way to change it.
     */
    private void refuseIfLocked(String caseNumber) throws StoreException {
        if (store.cases().status(caseNumber).locked()) {
            throw new org.reviewdesk.store.CaseLockedException(caseNumber);
        }
    }

    /** Reads the pages of documents that arrived in a packet without them (text for search and excerpts). */
    public int readMissingPages(Progress progress) throws StoreException {
        int n = 0;
        List<String[]> missing = repo().documentsWithoutPages();
        for (int i = 0; i < missing.size(); i++) {
            String caseNumber = missing.get(i)[0];
            String id = missing.get(i)[1];
            String name = missing.get(i)[2];
            byte[] bytes = repo().bytes(caseNumber, id);
            int index = i;
            try {
                RecordInfo info = RecordReader.inspect(name, bytes);
                repo().savePages(caseNumber, id, info.kind().name(), writer -> {
                    int[] count = {0};
                    RecordReader.readPages(name, bytes, page -> {
                        writer.page(page.pageNumber(), page.text());
                        search.pageAdded(caseNumber, id, page.pageNumber(), page.text());
                        count[0]++;
                    }, (done, total) -> progress.update(name, index, missing.size(), done, total), () -> false);
                    return count[0];
                });
                search.documentStored(caseNumber, id);
                n++;
            } catch (RecordFileException e) {
                // a packet file that cannot be read stays stored as it came, without pages
                search.documentRemoved(caseNumber, id);
            }
        }
        return n;
    }

    public List<StoredDocument> documents(String caseNumber) throws StoreException {
        return repo().documents(caseNumber);
    }

    public byte[] bytes(String caseNumber, String documentId) throws StoreException {
        return repo().bytes(caseNumber, documentId);
    }

    public String pageText(String caseNumber, String documentId, int page) throws StoreException {
        return repo().pageText(caseNumber, documentId, page);
    }

    public void updateMetadata(String caseNumber, RecordDocument d) throws StoreException {
        refuseIfLocked(caseNumber);
        repo().updateMetadata(caseNumber, d);
    }

    public void markOpened(String caseNumber, String documentId, int page) throws StoreException {
        repo().markOpened(caseNumber, documentId, page);
    }

    public Map<String, Set<Integer>> opened(String caseNumber) throws StoreException {
        return repo().opened(caseNumber);
    }

    /** Age, sex and occupation as the record states them, for the summary's first sentence. */
    public record WorkerFacts(Integer age, String sex, String occupation) {
    }

    private static final java.util.regex.Pattern AGE_SEX = java.util.regex.Pattern.compile(
            "(\\d{1,2})[- ]year[- ]old(?:,?\\s+(?:right|left)-handed)?\\s+(male|female|man|woman)",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern OCCUPATION = java.util.regex.Pattern.compile(
            "(?:Occupation:\\s*|working as an? |works as an? )([A-Za-z][A-Za-z -]{2,30}?)(?=[\\n.,;]|\\s{2}| who| at )",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    public WorkerFacts workerFacts(String caseNumber) throws StoreException {
        Integer age = null;
        String sex = null;
        String occupation = null;
        for (StoredDocument d : documents(caseNumber)) {
            int pages = d.pageCount() == null ? 0 : Math.min(d.pageCount(), 3);
            for (int p = 1; p <= pages && (age == null || occupation == null); p++) {
                String text = pageText(caseNumber, d.document().id(), p);
                var m = AGE_SEX.matcher(text);
                if (age == null && m.find()) {
                    age = Integer.valueOf(m.group(1));
                    String s = m.group(2).toLowerCase(Locale.ROOT);
                    sex = s.equals("man") ? "male" : s.equals("woman") ? "female" : s;
                }
                var o = OCCUPATION.matcher(text);
                if (occupation == null && o.find()) {
                    occupation = o.group(1).strip().toLowerCase(Locale.ROOT);
                }
            }
        }
        return new WorkerFacts(age, sex, occupation);
    }

    /** The titles of the case's documents the reviewer has never opened. */
    public List<String> neverOpened(String caseNumber) throws StoreException {
        Map<String, Set<Integer>> opened = opened(caseNumber);
        List<String> out = new ArrayList<>();
        for (StoredDocument d : documents(caseNumber)) {
            if (!opened.containsKey(d.document().id())) {
                out.add(d.document().title() != null ? d.document().title() : d.document().file());
            }
        }
        return out;
    }

    /** The case's evidence excerpts, in order. */
    public List<Evidence> excerpts(String caseNumber) throws StoreException {
        return store.cases().load(caseNumber).map(c -> c.evidenceList()).orElse(List.of());
    }

    /** Page {@code page} of a document as an image at {@code dpi}, from a bounded cache. */
    public java.awt.image.BufferedImage pageImage(String caseNumber, String documentId, int page, float dpi)
            throws StoreException, RecordFileException {
        return images().page(recordFile(caseNumber, documentId), page, dpi);
    }

    /** The record file of a document, its bytes kept for the last few documents viewed. */
    private RecordFile recordFile(String caseNumber, String documentId) throws StoreException {
        String key = caseNumber + "/" + documentId;
        synchronized (recent) {
            RecordFile f = recent.get(key);
            if (f != null) {
                return f;
            }
        }
        StoredDocument d = documents(caseNumber).stream().filter(x -> x.document().id().equals(documentId))
                .findFirst().orElseThrow(() -> new StoreException("Case " + caseNumber + " has no document "
                        + documentId));
        RecordFile f = new RecordFile(key, d.document().file(), bytes(caseNumber, documentId));
        synchronized (recent) {
            recent.put(key, f);
        }
        return f;
    }

    public int addExcerpt(String caseNumber, Evidence e) throws StoreException {
        refuseIfLocked(caseNumber);
        return repo().addEvidence(caseNumber, e);
    }

    public void deleteExcerpt(String caseNumber, int index) throws StoreException {
        refuseIfLocked(caseNumber);
        repo().deleteEvidence(caseNumber, index);
    }

    /** The sentence that cites an excerpt, e.g. {@code Per the progress note dated 1/19/15, "..."}. */
    public static String citation(RecordDocument d, Evidence e) {
        String source = d.kind() != null && d.kind() != DocumentKind.OTHER
                ? d.kind().label().toLowerCase(Locale.ROOT)
                : d.title() != null ? d.title() : "record";
        String dated = d.date() == null ? "" : " dated " + CITE_DATE.format(d.date());
        return "Per the " + source + dated + ", \"" + e.quote().strip().replaceAll("\\s+", " ") + "\"";
    }

    private String uniqueId(String caseNumber, String fileName) throws StoreException {
        String base = fileName.replaceAll("\\.[A-Za-z0-9]{1,5}$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "document";
        }
        if (base.length() > 60) {
            base = base.substring(0, 60);
        }
        Set<String> taken = new java.util.HashSet<>();
        for (StoredDocument d : documents(caseNumber)) {
            taken.add(d.document().id());
        }
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static DocumentKind kindOf(String key) {
        try {
            return DocumentKind.valueOf(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            return DocumentKind.OTHER;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
