package org.reviewdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reviewdesk.domain.DocumentKind;
import org.reviewdesk.domain.RecordContent;
import org.reviewdesk.domain.RecordDocument;
import org.reviewdesk.domain.StoredDocument;

/** Record documents as the viewer needs them: metadata, bytes, page texts, pages opened. */
public final class RecordRepository {
    /** Receives pages in order; a page that cannot be stored stops the reading (and nothing is kept). */
    @FunctionalInterface
    public interface PageWriter {
        /** A page; {@code needsOcr} marks a page without usable text, to be read by OCR in the background. */
        void page(int pageNumber, String text, boolean needsOcr);

        default void page(int pageNumber, String text) {
            page(pageNumber, text, false);
        }
    }

    /** Produces the pages of a document into a writer (text extraction runs inside the transaction). */
    @FunctionalInterface
    public interface PageSource {
        int writeTo(PageWriter writer) throws Exception;
    }

    /** Receives every stored page, for building the search index. */
    @FunctionalInterface
    public interface PageVisitor {
        void page(String caseNumber, String documentId, int page, String text);
    }

    private final Connection c;

    RecordRepository(Connection c) {
        this.c = c;
    }

    private long caseId(String caseNumber) throws SQLException, NoSuchCaseException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM cases WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchCaseException(caseNumber);
                }
                return rs.getLong(1);
            }
        }
    }

    /** The id of a document of the case with these exact bytes, if the case has one. */
    public Optional<String> findBySha(String caseNumber, String sha256) throws StoreException {
        return tx("Looking up a record", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT doc_id FROM documents WHERE case_id = ? "
                    + "AND content_sha256 = ?")) {
                ps.setLong(1, caseId(caseNumber));
                ps.setString(2, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Adds a document with its bytes and its pages in one transaction: if reading the pages fails
     * or is cancelled, nothing of the document remains.
     */
    public void add(String caseNumber, RecordDocument d, String mediaKind, byte[] bytes, String sha256,
                    PageSource pages) throws StoreException {
        tx("Storing " + d.file(), () -> {
            long id = caseId(caseNumber);
            int position;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(position) + 1, 0) FROM documents "
                    + "WHERE case_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    position = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO documents (case_id, position, doc_id, title, "
                    + "kind, doc_date, author, file_path, declared_sha256, content_sha256, size_bytes, content, "
                    + "media_kind) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, id);
                ps.setInt(2, position);
                ps.setString(3, d.id());
                ps.setString(4, d.title());
                ps.setString(5, d.kind() == null ? null : d.kind().name());
                ps.setObject(6, d.date());
                ps.setString(7, d.author());
                ps.setString(8, d.file());
                ps.setString(9, sha256);
                ps.setString(10, sha256);
                ps.setLong(11, bytes.length);
                ps.setBytes(12, bytes);
                ps.setString(13, mediaKind);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET has_documents = TRUE, updated_at = ? "
                    + "WHERE id = ?")) {
                ps.setObject(1, OffsetDateTime.now());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            int count = writePages(id, d.id(), pages);
            setPageCount(id, d.id(), count);
            AuditLog.append(c, "RECORD_ADDED", caseNumber, d.id() + ", " + count + " pages");
            return null;
        });
    }

    /** One page of a document being stored: its text, and whether it waits for OCR. */
    public record PageRow(int page, String text, boolean needsOcr) {
    }

    /**
     * Starts a streamed import: the document and its first pages, in one short transaction, marked as importing
     * (no page count, no content yet) until {@link #finishAdd} stores the file's bytes with the page count. The
     * viewer can show these pages at once (from the bytes the importer holds); a document left importing (the
     * program stopped) is removed whole by {@link #removeUnfinished()}. {@code size} is the file's size.
     */
    public void beginAdd(String caseNumber, RecordDocument d, String mediaKind, long size, String sha256,
                         List<PageRow> firstPages) throws StoreException {
        tx("Storing " + d.file(), () -> {
            long id = caseId(caseNumber);
            int position;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(position) + 1, 0) FROM documents "
                    + "WHERE case_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    position = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO documents (case_id, position, doc_id, title, "
                    + "kind, doc_date, author, file_path, declared_sha256, content_sha256, size_bytes, content, "
                    + "media_kind, importing) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,TRUE)")) {
                ps.setLong(1, id);
                ps.setInt(2, position);
                ps.setString(3, d.id());
                ps.setString(4, d.title());
                ps.setString(5, d.kind() == null ? null : d.kind().name());
                ps.setObject(6, d.date());
                ps.setString(7, d.author());
                ps.setString(8, d.file());
                ps.setString(9, sha256);
                ps.setString(10, sha256);
                ps.setLong(11, size);
                ps.setBytes(12, new byte[0]); // the file's bytes come with the last step: this commit stays short
                ps.setString(13, mediaKind);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET has_documents = TRUE, updated_at = ? "
                    + "WHERE id = ?")) {
                ps.setObject(1, OffsetDateTime.now());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            insertPages(id, d.id(), firstPages);
            return null;
        });
    }

    /** Stores more pages of a document being imported, in one short transaction. */
    public void addPages(String caseNumber, String documentId, List<PageRow> pages) throws StoreException {
        if (pages.isEmpty()) {
            return;
        }
        tx("Storing pages of " + documentId, () -> {
            insertPages(caseId(caseNumber), documentId, pages);
            return null;
        });
    }

    private void insertPages(long caseId, String docId, List<PageRow> pages) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_pages (case_id, doc_id, page_no, text, "
                + "ocr_state) VALUES (?,?,?,?,?)")) {
            for (PageRow p : pages) {
                ps.setLong(1, caseId);
                ps.setString(2, docId);
                ps.setInt(3, p.page());
                ps.setString(4, p.text());
                ps.setString(5, p.needsOcr() ? "PENDING" : null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Ends a streamed import: stores the file's bytes and its page count once every page is stored; the document
     * is complete (and OCR may start on it).
     */
    public void finishAdd(String caseNumber, String documentId, byte[] bytes, int pageCount) throws StoreException {
        finishAdd(caseNumber, documentId, () -> new java.io.ByteArrayInputStream(bytes), bytes.length, null,
                pageCount);
    }

    /**
     * As {@link #finishAdd(String, String, byte[], int)}, streamed (a large file is never held whole): the store
     * reads {@code size} bytes from {@code content} in parts. When {@code sha256} is given, the bytes stored must have it: a file changed while
     * it was being added is refused and nothing of this step is kept.
     */
    public void finishAdd(String caseNumber, String documentId, RecordContent.Opener content, long size, String sha256,
                          int pageCount) throws StoreException {
        tx("Storing " + documentId, () -> {
            long id = caseId(caseNumber);
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM record_pages WHERE case_id = ? "
                    + "AND doc_id = ?")) {
                ps.setLong(1, id);
                ps.setString(2, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != pageCount) {
                        throw new StoreException("Storing " + documentId + ": " + rs.getInt(1) + " of " + pageCount
                                + " pages are in the store");
                    }
                }
            }
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            try (java.io.InputStream in = new java.security.DigestInputStream(content.open(), digest);
                 PreparedStatement ps = c.prepareStatement("UPDATE documents SET page_count = ?, importing = FALSE, "
                    + "content = ? WHERE case_id = ? AND doc_id = ? AND importing = TRUE AND size_bytes = ?")) {
                ps.setInt(1, pageCount);
                ps.setBinaryStream(2, in, size);
                ps.setLong(3, id);
                ps.setString(4, documentId);
                ps.setLong(5, size);
                if (ps.executeUpdate() != 1) {
                    throw new StoreException("Storing " + documentId + ": the document is no longer being imported");
                }
                if (in.read() != -1) {
                    throw new StoreException("Storing " + documentId + ": the file grew while it was being added; "
                            + "nothing of it was kept");
                }
            }
            if (sha256 != null && !java.util.HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
                throw new StoreException("Storing " + documentId + ": the file changed while it was being added; "
                        + "nothing of it was kept");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT OCTET_LENGTH(content) FROM documents WHERE "
                    + "case_id = ? AND doc_id = ?")) {
                ps.setLong(1, id);
                ps.setString(2, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) != size) {
                        throw new StoreException("Storing " + documentId + ": the file shrank while it was being "
                                + "added; nothing of it was kept");
                    }
                }
            }
            AuditLog.append(c, "RECORD_ADDED", caseNumber, documentId + ", " + pageCount + " pages");
            return null;
        });
    }

    /** The size in bytes of a stored document's file. */
    public long contentSize(String caseNumber, String documentId) throws StoreException {
        return stored(caseNumber, documentId, "OCTET_LENGTH(content)", rs -> rs.getLong(1));
    }

    /**
     * Reads up to {@code len} bytes of a stored document's file from {@code position} (0-based) into {@code into}:
     * a large record is read in parts, never whole. Returns how many bytes were read (-1 at the end).
     */
    public int readContent(String caseNumber, String documentId, long position, byte[] into, int offset, int len)
            throws StoreException {
        return stored(caseNumber, documentId, "content", rs -> {
            java.sql.Blob blob = rs.getBlob(1);
            try {
                if (position >= blob.length()) {
                    return -1;
                }
                int n = (int) Math.min(len, blob.length() - position);
                // H2 skips to the position through its block index: the bytes before it are not read
                try (java.io.InputStream in = blob.getBinaryStream(position + 1, n)) {
                    return in.readNBytes(into, offset, n);
                }
            } finally {
                blob.free();
            }
        });
    }

    /** Reads a value of a stored document's row (its file, its size); refused while the document is being added. */
    @FunctionalInterface
    private interface StoredValue<T> {
        T read(ResultSet row) throws Exception;
    }

    private <T> T stored(String caseNumber, String documentId, String expression, StoredValue<T> value)
            throws StoreException {
        return tx("Reading " + documentId, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + expression + ", importing FROM documents "
                    + "WHERE case_id = ? AND doc_id = ?")) {
                ps.setLong(1, caseId(caseNumber));
                ps.setString(2, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("Case " + caseNumber + " has no document " + documentId);
                    }
                    if (rs.getBoolean(2)) {
                        throw new StoreException(documentId + " is still being added to case " + caseNumber
                                + "; try again when its import has finished");
                    }
                    return value.read(rs);
                }
            }
        });
    }

    /** Removes a document whose import did not finish (cancelled or failed): nothing of it remains. */
    public void removeUnfinished(String caseNumber, String documentId) throws StoreException {
        tx("Removing the unfinished " + documentId, () -> {
            long id = caseId(caseNumber);
            deleteUnfinished(id, documentId);
            return null;
        });
    }

    private void deleteUnfinished(long caseId, String documentId) throws SQLException {
        // pages, opened pages, segments and duplicates go with the document (ON DELETE CASCADE)
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM documents WHERE case_id = ? AND doc_id = ? "
                + "AND importing = TRUE")) {
            ps.setLong(1, caseId);
            ps.setString(2, documentId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET has_documents = EXISTS (SELECT 1 FROM "
                + "documents WHERE case_id = ?) WHERE id = ?")) {
            ps.setLong(1, caseId);
            ps.setLong(2, caseId);
            ps.executeUpdate();
        }
    }

    /**
     * Removes every document whose import was cut off (the program stopped while its pages were being stored),
     * as one transaction; returns "case: file" for each, to tell the reviewer.
     */
    public List<String> removeUnfinished() throws StoreException {
        return tx("Removing unfinished record imports", () -> {
            List<Object[]> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.case_id, c.case_number, d.doc_id, d.file_path "
                    + "FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.importing = TRUE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            List<String> out = new ArrayList<>();
            for (Object[] f : found) {
                deleteUnfinished((Long) f[0], (String) f[2]);
                AuditLog.append(c, "RECORD_IMPORT_INTERRUPTED", (String) f[1], f[2] + " removed");
                String file = (String) f[3];
                out.add(f[1] + ": " + file.substring(file.lastIndexOf('/') + 1));
            }
            return out;
        });
    }

    /** Whether a document's pages are still being stored. */
    public boolean importing(String caseNumber, String documentId) throws StoreException {
        return tx("Looking up a record", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT importing FROM documents WHERE case_id = ? "
                    + "AND doc_id = ?")) {
                ps.setLong(1, caseId(caseNumber));
                ps.setString(2, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** Stores the pages of a document that came without them (from a packet). */
    public void savePages(String caseNumber, String documentId, String mediaKind, PageSource pages)
            throws StoreException {
        tx("Reading the pages of " + documentId, () -> {
            long id = caseId(caseNumber);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM record_pages WHERE case_id = ? "
                    + "AND doc_id = ?")) {
                ps.setLong(1, id);
                ps.setString(2, documentId);
                ps.executeUpdate();
            }
            int count = writePages(id, documentId, pages);
            setPageCount(id, documentId, count);
            try (PreparedStatement ps = c.prepareStatement("UPDATE documents SET media_kind = ? WHERE case_id = ? "
                    + "AND doc_id = ?")) {
                ps.setString(1, mediaKind);
                ps.setLong(2, id);
                ps.setString(3, documentId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private int writePages(long caseId, String docId, PageSource pages) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_pages (case_id, doc_id, page_no, text, "
                + "ocr_state) VALUES (?,?,?,?,?)")) {
            int[] pending = {0};
            int count = pages.writeTo((page, text, needsOcr) -> {
                try {
                    ps.setLong(1, caseId);
                    ps.setString(2, docId);
                    ps.setInt(3, page);
                    ps.setString(4, text);
                    ps.setString(5, needsOcr ? "PENDING" : null);
                    ps.addBatch();
                    if (++pending[0] == 200) {
                        ps.executeBatch();
                        pending[0] = 0;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("page " + page + " could not be stored: " + e.getMessage(), e);
                }
            });
            if (pending[0] > 0) {
                ps.executeBatch();
            }
            return count;
        }
    }

    private void setPageCount(long caseId, String docId, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE documents SET page_count = ? WHERE case_id = ? "
                + "AND doc_id = ?")) {
            ps.setInt(1, count);
            ps.setLong(2, caseId);
            ps.setString(3, docId);
            ps.executeUpdate();
        }
    }

    public List<StoredDocument> documents(String caseNumber) throws StoreException {
        return tx("Listing the record", () -> {
            List<StoredDocument> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT doc_id, title, kind, doc_date, author, file_path, "
                    + "declared_sha256, media_kind, page_count, content_sha256, size_bytes FROM documents "
                    + "WHERE case_id = ? ORDER BY position")) {
                ps.setLong(1, caseId(caseNumber));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RecordDocument d = new RecordDocument(rs.getString(1), rs.getString(2),
                                rs.getString(3) == null ? null : DocumentKind.valueOf(rs.getString(3)),
                                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7));
                        out.add(new StoredDocument(d, rs.getString(8), rs.getObject(9, Integer.class),
                                rs.getString(10), rs.getLong(11)));
                    }
                }
            }
            return out;
        });
    }

    /** Changes a document's title, kind, date or author. */
    public void updateMetadata(String caseNumber, RecordDocument d) throws StoreException {
        tx("Saving " + d.id(), () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE documents SET title = ?, kind = ?, doc_date = ?, "
                    + "author = ? WHERE case_id = ? AND doc_id = ?")) {
                ps.setString(1, d.title());
                ps.setString(2, d.kind() == null ? null : d.kind().name());
                ps.setObject(3, d.date());
                ps.setString(4, d.author());
                ps.setLong(5, caseId(caseNumber));
                ps.setString(6, d.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public byte[] bytes(String caseNumber, String documentId) throws StoreException {
        return stored(caseNumber, documentId, "content", rs -> rs.getBytes(1));
    }

    public String pageText(String caseNumber, String documentId, int page) throws StoreException {
        return tx("Reading a page", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT text FROM record_pages WHERE case_id = ? "
                    + "AND doc_id = ? AND page_no = ?")) {
                ps.setLong(1, caseId(caseNumber));
                ps.setString(2, documentId);
                ps.setInt(3, page);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        });
    }

    /** One page of one case's document. */
    public record PageRef(String caseNumber, String documentId, int page) {
    }

    /** The texts of several pages in one transaction, in the order asked ("" for a page not stored). */
    public List<String> pageTexts(List<PageRef> pages) throws StoreException {
        return tx("Reading pages", () -> {
            List<String> out = new ArrayList<>(pages.size());
            Map<String, Long> ids = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT text FROM record_pages WHERE case_id = ? "
                    + "AND doc_id = ? AND page_no = ?")) {
                for (PageRef p : pages) {
                    Long id = ids.get(p.caseNumber());
                    if (id == null) {
                        id = caseId(p.caseNumber());
                        ids.put(p.caseNumber(), id);
                    }
                    ps.setLong(1, id);
                    ps.setString(2, p.documentId());
                    ps.setInt(3, p.page());
                    try (ResultSet rs = ps.executeQuery()) {
                        out.add(rs.next() ? rs.getString(1) : "");
                    }
                }
            }
            return out;
        });
    }

    /** Every stored page of every case, to index them all. */
    public void forEachPage(PageVisitor visitor) throws StoreException {
        tx("Reading the record pages", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.case_number, p.doc_id, p.page_no, p.text "
                    + "FROM record_pages p JOIN cases c ON c.id = p.case_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitor.page(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4));
                }
            }
            return null;
        });
    }

    /** The pages of one document, in order (to index it again). */
    public void forEachPage(String caseNumber, String documentId, PageVisitor visitor) throws StoreException {
        tx("Reading the pages of " + documentId, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT page_no, text FROM record_pages WHERE case_id = ? "
                    + "AND doc_id = ? ORDER BY page_no")) {
                ps.setLong(1, caseId(caseNumber));
                ps.setString(2, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        visitor.page(caseNumber, documentId, rs.getInt(1), rs.getString(2));
                    }
                }
            }
            return null;
        });
    }

    /** Every document with read pages and how many: what the search index must hold. */
    public Map<List<String>, Integer> pageCounts() throws StoreException {
        return tx("Counting the record pages", () -> {
            Map<List<String>, Integer> out = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.case_number, d.doc_id, d.page_count FROM "
                    + "documents d JOIN cases c ON c.id = d.case_id WHERE d.page_count IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(List.of(rs.getString(1), rs.getString(2)), rs.getInt(3));
                }
            }
            return out;
        });
    }

    /** Documents stored without their pages (imported in a packet), to be read. */
    public List<String[]> documentsWithoutPages() throws StoreException {
        return tx("Listing documents to read", () -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.case_number, d.doc_id, d.file_path FROM "
                    + "documents d JOIN cases c ON c.id = d.case_id WHERE d.page_count IS NULL AND d.importing = FALSE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            return out;
        });
    }

    public void markOpened(String caseNumber, String documentId, int page) throws StoreException {
        tx("Remembering an opened page", () -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO pages_opened (case_id, doc_id, page_no, "
                    + "first_opened) KEY (case_id, doc_id, page_no) SELECT ?, ?, ?, COALESCE((SELECT first_opened "
                    + "FROM pages_opened WHERE case_id = ? AND doc_id = ? AND page_no = ?), ?)")) {
                long id = caseId(caseNumber);
                ps.setLong(1, id);
                ps.setString(2, documentId);
                ps.setInt(3, page);
                ps.setLong(4, id);
                ps.setString(5, documentId);
                ps.setInt(6, page);
                ps.setObject(7, OffsetDateTime.now());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The pages the reviewer has opened, by document. */
    public Map<String, Set<Integer>> opened(String caseNumber) throws StoreException {
        return tx("Reading opened pages", () -> {
            Map<String, Set<Integer>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT doc_id, page_no FROM pages_opened "
                    + "WHERE case_id = ?")) {
                ps.setLong(1, caseId(caseNumber));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    /** Adds an evidence excerpt to the case; returns its position in the case's list. */
    public int addEvidence(String caseNumber, org.reviewdesk.domain.Evidence e) throws StoreException {
        return tx("Saving the excerpt", () -> {
            long id = caseId(caseNumber);
            int position;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(position) + 1, 0) FROM evidence "
                    + "WHERE case_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    position = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence (case_id, position, document_id, "
                    + "page, quote, note, item_index) VALUES (?,?,?,?,?,?,?)")) {
                ps.setLong(1, id);
                ps.setInt(2, position);
                ps.setString(3, e.documentId());
                ps.setInt(4, e.page());
                ps.setString(5, e.quote());
                ps.setString(6, e.note());
                ps.setObject(7, e.itemIndex());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET has_evidence = TRUE WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            AuditLog.append(c, "EXCERPT_ADDED", caseNumber, e.documentId() + " p. " + e.page());
            return position;
        });
    }

    /** Removes the excerpt at {@code index} of the case's list (in list order). */
    public void deleteEvidence(String caseNumber, int index) throws StoreException {
        tx("Removing the excerpt", () -> {
            long id = caseId(caseNumber);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM evidence WHERE case_id = ? AND position = "
                    + "(SELECT position FROM evidence WHERE case_id = ? ORDER BY position LIMIT 1 OFFSET ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, id);
                ps.setInt(3, index);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM excerpt_regions WHERE case_id = ? AND "
                    + "position NOT IN (SELECT position FROM evidence WHERE case_id = ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Removes every record file and page of a case (after it was archived). */
    public void removeAll(String caseNumber) throws StoreException {
        tx("Removing the records of " + caseNumber, () -> {
            long id = caseId(caseNumber);
            for (String sql : new String[] {"DELETE FROM pages_opened WHERE case_id = ?",
                "DELETE FROM record_pages WHERE case_id = ?", "DELETE FROM evidence WHERE case_id = ?",
                "DELETE FROM excerpt_regions WHERE case_id = ?",
                "DELETE FROM documents WHERE case_id = ?"}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET has_documents = FALSE, "
                    + "has_evidence = FALSE WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            AuditLog.append(c, "RECORDS_REMOVED", caseNumber, null);
            return null;
        });
    }

    /** Pages of one document waiting for OCR. */
    public record OcrJob(String caseNumber, String documentId, String fileName, List<Integer> pages) {
    }

    /** How far the OCR of a case's pages is: pages waiting, read, stopped by the reviewer, unreadable. */
    public record OcrCounts(int pending, int done, int cancelled, int failed) {
        public int total() {
            return pending + done + cancelled + failed;
        }
    }

    /** What the viewer needs of a page read by OCR: its words' boxes and the turn that shows it upright. */
    public record PageLayout(String ocrState, String words, int rotation) {
    }

    /** The documents with pages waiting for OCR, the given case's first (null: any order), cases by number. */
    public List<OcrJob> pendingOcr(String firstCase) throws StoreException {
        return tx("Listing pages for OCR", () -> {
            Map<String, OcrJob> jobs = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.case_number, p.doc_id, d.file_path, p.page_no "
                    + "FROM record_pages p JOIN cases c ON c.id = p.case_id JOIN documents d ON d.case_id = p.case_id "
                    + "AND d.doc_id = p.doc_id WHERE p.ocr_state = 'PENDING' AND d.importing = FALSE ORDER BY CASE WHEN c.case_number = ? "
                    + "THEN 0 ELSE 1 END, c.case_number, d.position, p.page_no")) {
                ps.setString(1, firstCase);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1) + "\u0000" + rs.getString(2);
                        OcrJob j = jobs.get(key);
                        if (j == null) {
                            j = new OcrJob(rs.getString(1), rs.getString(2), rs.getString(3), new ArrayList<>());
                            jobs.put(key, j);
                        }
                        j.pages().add(rs.getInt(4));
                    }
                }
            }
            return new ArrayList<>(jobs.values());
        });
    }

    /** Stores the OCR of a page (only while it is still waiting for it): text, word boxes, turn, confidence. */
    public boolean saveOcr(String caseNumber, String documentId, int page, String text, String words, int rotation,
                           int confidence) throws StoreException {
        return tx("Saving the OCR of a page", () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE record_pages SET text = ?, words = ?, rotation = ?, "
                    + "confidence = ?, ocr_state = 'DONE' WHERE case_id = ? AND doc_id = ? AND page_no = ? "
                    + "AND ocr_state = 'PENDING'")) {
                ps.setString(1, text);
                ps.setString(2, words);
                ps.setInt(3, rotation);
                ps.setInt(4, confidence);
                ps.setLong(5, caseId(caseNumber));
                ps.setString(6, documentId);
                ps.setInt(7, page);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Marks a page whose image could not be read for OCR. */
    public void ocrFailed(String caseNumber, String documentId, int page) throws StoreException {
        setOcrState(caseNumber, documentId, page, "PENDING", "FAILED");
    }

    /** Stops (CANCELLED) or restarts (PENDING) the OCR of a case's waiting pages; returns the pages changed. */
    public int setCaseOcr(String caseNumber, boolean run) throws StoreException {
        return tx(run ? "Starting OCR" : "Cancelling OCR", () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE record_pages SET ocr_state = ? WHERE case_id = ? "
                    + "AND ocr_state = ?")) {
                ps.setString(1, run ? "PENDING" : "CANCELLED");
                ps.setLong(2, caseId(caseNumber));
                ps.setString(3, run ? "CANCELLED" : "PENDING");
                return ps.executeUpdate();
            }
        });
    }

    private void setOcrState(String caseNumber, String documentId, int page, String from, String to)
            throws StoreException {
        tx("Saving the OCR state of a page", () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE record_pages SET ocr_state = ? WHERE case_id = ? "
                    + "AND doc_id = ? AND page_no = ? AND ocr_state = ?")) {
                ps.setString(1, to);
                ps.setLong(2, caseId(caseNumber));
                ps.setString(3, documentId);
                ps.setInt(4, page);
                ps.setString(5, from);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public OcrCounts ocrCounts(String caseNumber) throws StoreException {
        return tx("Counting OCR pages", () -> {
            int[] n = new int[4];
            try (PreparedStatement ps = c.prepareStatement("SELECT ocr_state, COUNT(*) FROM record_pages WHERE "
                    + "case_id = ? AND ocr_state IS NOT NULL GROUP BY ocr_state")) {
                ps.setLong(1, caseId(caseNumber));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int i = switch (rs.getString(1)) {
                            case "PENDING" -> 0;
                            case "DONE" -> 1;
                            case "CANCELLED" -> 2;
                            default -> 3;
                        };
                        n[i] += rs.getInt(2);
                    }
                }
            }
            return new OcrCounts(n[0], n[1], n[2], n[3]);
        });
    }

    public PageLayout pageLayout(String caseNumber, String documentId, int page) throws StoreException {
        return tx("Reading a page's layout", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ocr_state, words, rotation FROM record_pages "
                    + "WHERE case_id = ? AND doc_id = ? AND page_no = ?")) {
                ps.setLong(1, caseId(caseNumber));
                ps.setString(2, documentId);
                ps.setInt(3, page);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new PageLayout(rs.getString(1), rs.getString(2), rs.getInt(3))
                            : new PageLayout(null, null, 0);
                }
            }
        });
    }

    /** The texts of all pages of a case, by document id then page number (for duplicates and the chronology). */
    public Map<String, List<String>> caseTexts(String caseNumber) throws StoreException {
        return tx("Reading the case's pages", () -> {
            Map<String, List<String>> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.doc_id, p.page_no, p.text FROM record_pages p "
                    + "JOIN documents d ON d.case_id = p.case_id AND d.doc_id = p.doc_id WHERE p.case_id = ? "
                    + "ORDER BY d.position, p.page_no")) {
                ps.setLong(1, caseId(caseNumber));
                try (ResultSet rs = ps.executeQuery()) {
                    pagesByDocument(rs, out);
                }
            }
            return out;
        });
    }

    /** Rows (document, page number, text) in page order into texts per document, a missing page as "". */
    private static void pagesByDocument(ResultSet rs, Map<String, List<String>> out) throws SQLException {
        while (rs.next()) {
            List<String> pages = out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
            while (pages.size() < rs.getInt(2) - 1) {
                pages.add("");
            }
            pages.add(rs.getString(3) == null ? "" : rs.getString(3));
        }
    }

    /**
     * As {@link #caseTexts(String)}, with the pages of {@code documentId} as given (an import has them in memory)
     * instead of read and decrypted again: the other documents' pages are read, in the case's order.
     */
    public Map<String, List<String>> caseTexts(String caseNumber, String documentId, List<String> pagesOfDocument)
            throws StoreException {
        return tx("Reading the case's pages", () -> {
            long id = caseId(caseNumber);
            Map<String, List<String>> others = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT doc_id, page_no, text FROM record_pages "
                    + "WHERE case_id = ? AND doc_id <> ? ORDER BY doc_id, page_no")) {
                ps.setLong(1, id);
                ps.setString(2, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    pagesByDocument(rs, others);
                }
            }
            Map<String, List<String>> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT doc_id FROM documents WHERE case_id = ? "
                    + "ORDER BY position")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String doc = rs.getString(1);
                        List<String> pages = doc.equals(documentId) ? pagesOfDocument : others.get(doc);
                        if (pages != null && !pages.isEmpty()) {
                            out.put(doc, pages);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** A document found inside a stored record file: its pages, kind, date, author, title. */
    public record Segment(String documentId, int firstPage, int lastPage, String kind, LocalDate date, String author,
                          String title, boolean corrected) {
    }

    /** Replaces the documents found in a record file, keeping none of the old ones. */
    public void saveSegments(String caseNumber, String documentId, List<Segment> segments) throws StoreException {
        tx("Saving the chronology", () -> {
            long id = caseId(caseNumber);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM record_segments WHERE case_id = ? "
                    + "AND doc_id = ?")) {
                ps.setLong(1, id);
                ps.setString(2, documentId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_segments (case_id, doc_id, first_page, "
                    + "last_page, kind, doc_date, author, title, corrected) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (Segment g : segments) {
                    ps.setLong(1, id);
                    ps.setString(2, documentId);
                    ps.setInt(3, g.firstPage());
                    ps.setInt(4, g.lastPage());
                    ps.setString(5, g.kind());
                    ps.setObject(6, g.date());
                    ps.setString(7, g.author());
                    ps.setString(8, g.title());
                    ps.setBoolean(9, g.corrected());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The documents found in the case's record files, in file and page order. */
    public List<Segment> segments(String caseNumber) throws StoreException {
        return tx("Reading the chronology", () -> {
            List<Segment> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.doc_id, s.first_page, s.last_page, s.kind, "
                    + "s.doc_date, s.author, s.title, s.corrected FROM record_segments s JOIN documents d ON "
                    + "d.case_id = s.case_id AND d.doc_id = s.doc_id WHERE s.case_id = ? ORDER BY d.position, "
                    + "s.first_page")) {
                ps.setLong(1, caseId(caseNumber));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Segment(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getBoolean(8)));
                    }
                }
            }
            return out;
        });
    }

    /** A page that repeats an earlier one. */
    public record Duplicate(String documentId, int page, String originalDocumentId, int originalPage,
                            double similarity) {
    }

    public void saveDuplicates(String caseNumber, List<Duplicate> duplicates) throws StoreException {
        tx("Saving duplicate pages", () -> {
            long id = caseId(caseNumber);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM duplicate_pages WHERE case_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO duplicate_pages (case_id, doc_id, page_no, "
                    + "original_doc_id, original_page_no, similarity) VALUES (?,?,?,?,?,?)")) {
                for (Duplicate d : duplicates) {
                    ps.setLong(1, id);
                    ps.setString(2, d.documentId());
                    ps.setInt(3, d.page());
                    ps.setString(4, d.originalDocumentId());
                    ps.setInt(5, d.originalPage());
                    ps.setDouble(6, d.similarity());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public List<Duplicate> duplicates(String caseNumber) throws StoreException {
        return tx("Reading duplicate pages", () -> {
            List<Duplicate> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT doc_id, page_no, original_doc_id, "
                    + "original_page_no, similarity FROM duplicate_pages WHERE case_id = ? ORDER BY doc_id, page_no")) {
                ps.setLong(1, caseId(caseNumber));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Duplicate(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                                rs.getDouble(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Remembers the rectangle (fractions of the upright page) an excerpt was selected from. */
    public void saveExcerptRegion(String caseNumber, int position, double x, double y, double w, double h)
            throws StoreException {
        tx("Saving the excerpt's place", () -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO excerpt_regions (case_id, position, x, y, w, h) "
                    + "KEY (case_id, position) VALUES (?,?,?,?,?,?)")) {
                ps.setLong(1, caseId(caseNumber));
                ps.setInt(2, position);
                ps.setDouble(3, x);
                ps.setDouble(4, y);
                ps.setDouble(5, w);
                ps.setDouble(6, h);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The rectangles of the case's excerpts that have one, by excerpt position: {x, y, w, h}. */
    public Map<Integer, double[]> excerptRegions(String caseNumber) throws StoreException {
        return tx("Reading the excerpts' places", () -> {
            Map<Integer, double[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT position, x, y, w, h FROM excerpt_regions "
                    + "WHERE case_id = ?")) {
                ps.setLong(1, caseId(caseNumber));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getInt(1), new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5)});
                    }
                }
            }
            return out;
        });
    }

    private <T> T tx(String what, Transactions.Work<T> work) throws StoreException {
        return Transactions.run(c, what, work);
    }
}
